"""18.0.1.1.0: the index bands are inclusive at their lower edge, as 001 reads
them ("80分以上": 80 and above is very satisfied). Questionnaires scored exactly
at the company's very-satisfied edge move up to that band."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE qms_survey_invitation i
           SET band = 'very_satisfied'
          FROM res_company c
         WHERE c.id = i.company_id
           AND i.scored
           AND i.band = 'satisfied'
           AND i.score_total >= c.qms_survey_band_very_satisfied
        """
    )
