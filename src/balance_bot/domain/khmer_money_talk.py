"""Money talked about in Khmer rather than spent, as the other checks did not yet tell it: money given back,
the boss giving the box money, a salary to be paid out on a day.
Regex branches for not_spending, for Khmer script and for romanised Khmer read as Khmer (khmer_reading)."""

from __future__ import annotations

_MONEY = r"(?:លុយ|ប្រាក់)"
_GIVE = r"(?:ឲ្យ|អោយ|ឱ្យ|សង)"
_DEED = r"(?:ទិញ|បង់|ចាយ|ចំណាយ|ជួល|ចាក់|ជួសជុល)"
# Money that came in: given or paid back to us ("Dara បានឲ្យលុយ 10$ មកវិញហើយ", "គាត់សងប្រាក់ ២ម៉ឺន មកវិញ"),
# unless something was bought first (the change of it) or someone went and came back ("ទៅមកវិញ", a
# return fare); the boss or the head giving the box money, the amount right after and nothing bought
# with it ("លោកគ្រូឲ្យលុយ 50$ សម្រាប់ខែនេះ"), as romanised.MONEY_IN reads "boss oy luy".
MONEY_IN = (
    rf"^(?:(?!{_DEED})[^\n]){{0,40}}?{_GIVE}\s*{_MONEY}[^\n]{{0,30}}?(?<!ទៅ)(?<!ទៅ )មកវិញ",
    rf"^\s*(?:ថៅកែ|លោកគ្រូ|អ្នកគ្រូ|នាយក(?:សាលា)?|ប្រធាន)\s*(?:បាន\s*)?(?:ឲ្យ|អោយ|ឱ្យ|ផ្ញើ|ផ្ទេរ)\s*{_MONEY}\s*"
    rf"[$៛]?\s*[0-9០-៩](?![^\n]*{_DEED})",
)
# A salary or a wage to be paid out on a day of the month ("ប្រាក់ខែអ្នកយាម 180$ បើកថ្ងៃទី30"), not told
# as done (ហើយ, រួច, បានបើក).
TALK = (
    r"(?:ប្រាក់ខែ|ឈ្នួល)(?![^\n]*(?:ហើយ|រួច))[^\n]{0,60}?(?<!បាន)(?:បើក|បង់|ផ្ញើ|ផ្ទេរ)\s*(?:នៅ\s*)?ថ្ងៃ\s*"
    r"(?:ទី\s*)?[0-9០-៩]",
)
