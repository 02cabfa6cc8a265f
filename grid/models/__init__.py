from grid.models.households import Household, Visit
from grid.models.people import GridPost, Person
from grid.models.territory import GridNode, lock_tree

__all__ = ["GridNode", "GridPost", "Household", "Person", "Visit", "lock_tree"]
