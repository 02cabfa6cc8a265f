"""Bulk writing for the county seed: COPY on PostgreSQL (psycopg 3 `cursor.copy`), executemany elsewhere."""

from django.db import connection, models


def _fillers(model, given, now):
    """(column, value or callable) for every concrete column not in `given`."""
    out = []
    for field in model._meta.concrete_fields:
        if field.attname in given or field.primary_key:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            out.append((field.column, now))
        elif field.has_default():
            default = field.default
            out.append((field.column, default if callable(default) else field.get_default()))
        elif field.null:
            out.append((field.column, None))
        elif isinstance(field, (models.CharField, models.TextField, models.FileField)) and field.blank:
            out.append((field.column, ""))
        else:
            raise RuntimeError(f"seed_county does not fill {model.__name__}.{field.name}: add it to the seed")
    return out


def write(model, fields, rows, now):
    """Insert rows (tuples in the order of `fields`, attnames) and return how many were written."""
    fill = _fillers(model, set(fields), now)
    columns = [model._meta.get_field(name).column for name in fields] + [column for column, _value in fill]
    constants = [value for _column, value in fill]
    dynamic = [index for index, value in enumerate(constants) if callable(value)]

    def complete(row):
        if not fill:
            return row
        extra = list(constants)
        for index in dynamic:
            extra[index] = constants[index]()
        return (*row, *extra)

    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    count = 0
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(complete(row))
                count += 1
        return count
    placeholders = ", ".join(["%s"] * len(columns))
    batch = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(complete(row))
            if len(batch) == 5000:
                cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", batch)
            count += len(batch)
    return count


def next_id(model):
    return (model.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


def reset_sequences(*models_):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST((SELECT MAX(id) FROM {table}), 1))",
                [table],
            )
