"""What every QMS workbook must satisfy to print (shared by the addons' report tests)."""

# Characters Excel refuses in a sheet name.
FORBIDDEN_IN_SHEET_NAME = set("[]:*?/\\")


def assert_printable(case, book, title):
    """Each sheet of ``book`` has a valid name and prints landscape, one page
    wide, its header row repeated, ``title`` on top and page numbers below."""
    for sheet in book.worksheets:
        case.assertLessEqual(len(sheet.title), 31)
        case.assertFalse(FORBIDDEN_IN_SHEET_NAME & set(sheet.title), sheet.title)
        case.assertEqual(sheet.page_setup.orientation, "landscape")
        case.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
        case.assertEqual(sheet.page_setup.fitToWidth or 1, 1, "one page wide")
        case.assertEqual(sheet.page_setup.fitToHeight, 0)
        case.assertTrue(sheet.print_title_rows, "the header row repeats on every page")
        case.assertIn(title, sheet.oddHeader.center.text, "the report's name")
        case.assertIn("&P", sheet.oddFooter.right.text, "the page number")
