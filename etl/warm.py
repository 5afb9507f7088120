"""Imported by the parse pool's forkserver: tables every parse needs are built once, before the workers fork.

Each worker then starts with them in memory instead of spending ~0.5 s building them per process.
"""

from etl.parse.gazetteer import gazetteer

gazetteer()
