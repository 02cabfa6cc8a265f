from grid.models.people import GridPost, Person
from grid.models.territory import GridNode, lock_tree

__all__ = ["GridNode", "GridPost", "Person", "lock_tree"]
