"""What residents (and staff on their behalf) do to a request: order it, rate the result."""


class ResidentActions:
    pass
