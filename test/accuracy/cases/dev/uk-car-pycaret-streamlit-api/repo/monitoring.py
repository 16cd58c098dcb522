import pandas as pd
from dotenv import load_dotenv
from evidently.future.datasets import Dataset, DataDefinition
from evidently.future.report import Report
from evidently.future.presets import DataSummaryPreset
from evidently.ui.workspace.cloud import CloudWorkspace
load_dotenv()


class ProjectMonitor():
    def __init__(self, project_name, org_id, key):
        self.project_name = project_name
        self.org_id = org_id
        self.key = key
        self.path = r"data\Cleaned_used_cars_data.csv"
        self.ws = CloudWorkspace(token=self.key, url="https://app.evidently.cloud")

    def createNewProject(self, description):
        project_names = [p.name for p in self.ws.list_projects(org_id=self.org_id)]
        if self.project_name not in project_names:
            self.project = self.ws.create_project(self.project_name, org_id=self.org_id)
            self.project.description = description
            self.project.save()
            print("New Project Created")
        else:
            print("Project already exists")

    def getProject(self):
        for projects in self.ws.list_projects(org_id=self.org_id):
            if self.project_name in projects.name:
                self.project_id = projects.id
                return self.ws.get_project(project_id=projects.id)
            else:
                return "Project not found"

    def getData(self):
        data = pd.read_csv(self.path)
        data.drop('Price', axis=1, inplace=True)
        return data

    def getReport(self, newPath):
        data = self.getData()
        schema = DataDefinition(numerical_columns=data.select_dtypes(include='number').columns.tolist())
        prodData = Dataset.from_pandas(data, data_definition=schema)
        newData = Dataset.from_pandas(pd.read_csv(newPath), data_definition=schema)
        report = Report([DataSummaryPreset()], include_tests="True")
        my_eval = report.run(prodData, newData)
        self.ws.add_run(self.project_id, my_eval, include_data=True)
        return my_eval
