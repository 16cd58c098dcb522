from flask_restx import fields

from ..instance import server

request = server.api.model("Predict Request", {
    "id_sap": fields.Integer(required=True, description="ID SAP"),
    "pf_pj": fields.String(required=True, description="PF/PJ"),
    "contratado_ofertas_simples": fields.Integer(required=True),
    "leads_form": fields.Integer(required=True, description="Leads Form"),
    "equipe": fields.String(required=True, description="Equipe"),
    "valor_mensal": fields.Float(required=True, description="Valor Mensal"),
    "quantidade_mes": fields.Integer(required=True),
    "status_pagamento": fields.String(required=True),
    "regiao": fields.String(required=True, description="Regiao"),
    "tipo_de_plano": fields.String(required=True, description="Tipo de Plano"),
})

response = server.api.model("Predict Response", {
    "id_sap": fields.Integer(required=True, description="ID SAP"),
    "churn": fields.Boolean(required=True, description="Churn"),
})
