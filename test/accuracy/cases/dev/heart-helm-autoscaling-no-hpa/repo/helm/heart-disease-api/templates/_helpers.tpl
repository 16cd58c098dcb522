{{- define "heart-disease-api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "heart-disease-api.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "heart-disease-api.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "heart-disease-api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "heart-disease-api.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
