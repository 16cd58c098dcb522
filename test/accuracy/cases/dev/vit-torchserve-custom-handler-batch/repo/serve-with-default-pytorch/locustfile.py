from locust import HttpUser, task, constant


class QuickstartUser(HttpUser):
    wait_time = constant(1)

    @task
    def index_page(self):
        files = {"data": open("./0.png", "rb")}
        self.client.post("/predictions/vit_l_16", files=files)
