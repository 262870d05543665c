def migrate(cr, version):
    """Counts made before 18.0.1.1.0 kept one row per line: their lines become
    the count's book, in the rows' order, and only the disputed lines stay, as
    the count's differences (a confirmed line held nothing the book does not)."""
    if not version:
        return
    cr.execute(
        """
        UPDATE qms_property_count c
           SET book_lines = book.lines
          FROM (SELECT count_id,
                       jsonb_agg(jsonb_build_array(product_id, location_id, lot_id, qty_book)
                                 ORDER BY id) AS lines
                  FROM qms_property_count_line
              GROUP BY count_id) book
         WHERE book.count_id = c.id AND c.book_lines IS NULL
        """
    )
    cr.execute(
        """
        UPDATE qms_property_count_line l
           SET sequence = numbered.number
          FROM (SELECT id, row_number() OVER (PARTITION BY count_id ORDER BY id) AS number
                  FROM qms_property_count_line) numbered
         WHERE numbered.id = l.id
        """
    )
    cr.execute(
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = 'qms_property_count_line' AND column_name = 'state'"
    )
    if cr.fetchone():
        cr.execute("DELETE FROM qms_property_count_line WHERE state IS DISTINCT FROM 'disputed'")
        cr.execute("ALTER TABLE qms_property_count_line DROP COLUMN state")
