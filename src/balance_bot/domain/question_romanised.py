"""Questions typed in Khmer with Latin letters ("khe nis chay sang os ponman", "neak na chay chraen jeang
ke"): their question and day words written in Khmer script, so the reader reads them as it reads Khmer.
The things asked about stay as typed: the vocabulary knows their romanised spellings ('tek kork')."""

from __future__ import annotations

import re

from balance_bot.domain.romanised import THAN

# The sounds of the words a question turns on, as people spell them: 'ponman', 'pon mann', 'bonmaan'
# (how much); 'khae', 'khe', 'kher' (month); 'nis', 'nih', 'ni' (this); 'mun', 'moun' (last).
_HOW_MUCH = r"(?:bp|p|b)(?:o|u|ou|or)n{1,2}\s?m(?:a|aa|ah|ar|ea)n{1,2}|ponma|bonma"
_MONTH = r"(?:kh|k)(?:ae|e|er|ea|ei|ai|aer|eh)"
_THIS = r"n(?:i|e|ih|ee)(?:s{1,2}|h)?"
_LAST = r"m(?:u|ou|uo|oo|o)n{1,2}"
_DAY = r"(?:tgai|thngai|tngai|thgnai|tngay|thngay|tgnai|tnghai|tgnay|thnai|thngei|tngei|thgai|tgay)"
# ជាង, as the messages' reader spells it, and shorter before គេ ('jeng ke'), which only a question
# says: alone, 'Cheng' may be a name in a message
_THAN = "|".join((*THAN, "jeng", "cheng"))
_WEEK = r"(?:sabda|sapda|sabdah|saptah|sabbda|sapdah)"  # សប្តាហ៍
_YESTERDAY = r"(?:m'?sel|msil|mosel|m'sil|masel|mseil|m'seil)\s*(?:minh|menh|minj|mign|mehn)"
# Words only a romanised Khmer question holds (how much, this month, today, yesterday, who, the most,
# what...): without one, no Latin word is read as Khmer ('os' or 'ey' may be a typo of English).
_MARKERS = re.compile(
    rf"\b(?:{_HOW_MUCH})\b|\b{_MONTH}\s+(?:{_THIS}|{_LAST})\b|\b{_DAY}\s+(?:{_THIS})\b|\b{_YESTERDAY}\b"
    rf"|\b(?:neak|nak|anak|nek)\s+na\b|\b(?:{_THAN})\s*(?:ke|kee|keh)\b|\b{_WEEK}\s+(?:{_THIS}|{_LAST})\b"
    r"|\b(?:avey|avei|ahvey|ey|ei)\s+(?:klah|khlah|klas|khlas)\b|\bmath?y[ou]m\b"
)
# Each romanised word or phrase, in the spellings people use, with its Khmer; phrases before words.
_SPELLINGS = {
    "ប៉ុន្មានដង": rf"(?:{_HOW_MUCH})\s+(?:dong|dorng|dang|dong2|dorng2)",
    "ប៉ុន្មានលើក": rf"(?:{_HOW_MUCH})\s+(?:lerk|lek|leuk|lok)",
    "ប៉ុន្មានមុខ": rf"(?:{_HOW_MUCH})\s+(?:muk|mukh|mouk)",
    "ប៉ុន្មាន": _HOW_MUCH,
    "ខែនេះ": rf"{_MONTH}\s+(?:{_THIS})",
    "ខែមុន": rf"{_MONTH}\s+(?:{_LAST})",
    "ថ្ងៃនេះ": rf"{_DAY}\s+(?:{_THIS})",
    "ក្នុងមួយថ្ងៃ": rf"(?:knong\s+)?(?:muy|mouy|muoy|moy)\s+{_DAY}",
    "ថ្ងៃទី": rf"{_DAY}(?:\s+ti)?(?=\s*\d)",
    "ម្សិលមិញ": _YESTERDAY,
    "អាទិត្យនេះ": r"(?:atit|a tit|aatit)\s+(?:nis|nih|ni)",
    "អាទិត្យមុន": r"(?:atit|a tit|aatit)\s+(?:mun|moun|muon)",
    "អ្នកណា": r"(?:neak|nak|anak|nek)\s+na",
    "ជាងគេ": rf"(?:{_THAN})\s*(?:ke|kee|keh)",
    "សប្តាហ៍នេះ": rf"{_WEEK}\s+(?:{_THIS})",
    "សប្តាហ៍មុន": rf"{_WEEK}\s+(?:{_LAST})",
    "ជិះ": r"jis|chis|jih|chih|jiss",  # a ride ('tuk tuk jis'): the rides asked about
    "អីខ្លះ": r"(?:avey|avei|ahvey|ey|ei)\s+(?:klah|khlah|klas|khlas)",
    "ជាមធ្យម": r"(?:(?:jea|chea|jia)\s+)?math?y[ou]m",
    "ម្ដងៗ": r"(?:m'?dong|mdorng|mdang)\s*(?:2|m'?dong|mdorng|mdang)",
    "ម្ដង": r"m'?dong|mdorng|mdang",
    "មួយពេល": r"(?:muy|mouy|muoy|moy)\s+(?:pel|pill|pael)",
    "ចាយ": r"(?:ch|chh|j)(?:a|aa)(?:y|i|iy)",
    "ចំណាយ": r"chomnay|chamnay|jomnay|chamnai|chomnai",
    "ទិញ": r"tinh|tenh|ting|tinj|tinhh",
    # the words around the thing asked, which carry none: all, did (a past), pour (fuel), the question's
    # own (តើ, ទេ, ដែរ); not money ('luy'), which says whether 'sang' is fuel or paying back
    "ទាំងអស់": r"(?:teang|tang|taeng|tieng|teng|teang2)\s*(?:os|oss|ors|orh|aws)",
    "បាន": r"ban|baan|bann|barn",
    "ចាក់": r"chak|chak'|jak|chaak|chhak",
    "តើ": r"tae|taeu|ter|teu",
    "ទេ": r"te|tei|tee",
    "ដែរ": r"der|dae|dair|daer",
    "អស់": r"os|oss|ors|orh|oh|ob|aws|awh|ass",
    "សរុប": r"sarob|sorob|sarub|srob|sarop",
    "ហើយ": r"heuy|hoy|haey|hery|haeuy|hz|hx",
    "ច្រើន": r"chraen|chroen|chren|chhran|chran|chreun|chrern|chraeun|chrarn",
    "ថ្លៃ": r"th?l(?:ai|ay|aiy)",
    "ថោក": r"thok|thoak",
    "តិច": r"tech|tich|tij|tej",
    "អី": r"avey|avei|ahvey|ey|ei",
    "ខ្ញុំ": r"khnhom|knhom|kh'nhom|knyom|khnom|knhum|khnhum",
    "យើង": r"yerng|yeung|yoeng|yeng",
    "កត់": r"kot|kort|kat",
    "មួយណា": r"(?:muy|mouy|muoy|moy)\s+na",
    "លើកណា": r"(?:lerk|lek|leuk)\s+na",
    "សាំង": r"sang(?!\s+(?:luy|lui|loy|louy|vinh|vin|prak))",  # fuel; 'sang luy' is paying back (សង)
    "លើ": r"ler|leu|lae|lerm|leur|loe",  # on (what the money went on); លើក, a time, is 'lerk'
}
_ROMANISED = re.compile(
    "|".join(rf"\b(?P<w{at}>{spelled})\b" for at, spelled in enumerate(_SPELLINGS.values()))
)
_KHMER = list(_SPELLINGS)
_BETWEEN_KHMER = re.compile(r"(?<=[\u1780-\u17ff])\s+(?=[\u1780-\u17ff])")


def in_khmer_script(said: str) -> str:
    """The lower-case question with its romanised Khmer question and day words in Khmer script, when
    it is written so; else as it was."""
    if not _MARKERS.search(said):
        return said
    khmer = _ROMANISED.sub(lambda found: f" {_KHMER[int(str(found.lastgroup)[1:])]} ", said)
    return " ".join(_BETWEEN_KHMER.sub("", khmer).split())  # written together, as Khmer is
