"""The spec's error list: a 400 for a request we cannot fulfil as asked, a 404 for what does not exist."""


class Open311Error(Exception):
    def __init__(self, description, status=400):
        super().__init__(description)
        self.description = str(description)
        self.status = status
