"""Whose money a message speaks of, and whether it may be spent yet: regex branches for not_spending.

The box topped up in words, money from those who pay the team, money that is a member's own and not
the team's, the team's money moved between its own places, and leave to spend with a cap, in English and
Khmer; written for lower-case text.
"""

from __future__ import annotations

# The team's cash in words; "ice box", "lunch box" never follow a verb of topping up.
_BOX = (
    r"(?:(?:petty\s*cash|cash\s*(?:box|tin|bag)|box|kitty|float|till|(?:team|office|cash)\s+(?:wallet|purse))\b"
    r"|ប្រអប់|កាបូប)"
)
# Not a place of theirs nor money the team spends: "from the donor", not "from the donor's office",
# "from boss house", "from the office cash".
_NOT_THEIR_PLACE_OR_CASH = (
    r"(?!['’]s|\s+(?:house|home|place|office|site|shop|cash|money|funds?|box|budget|account|card))"
)
_PERSONS_WHO_PAY = "client|customer|donor|sponsor|funder|parent|mother|father|mom|mum|dad|guardian|boss"
_ARTICLE = r"(?:the\s+|our\s+|a\s+|my\s+)?"
_PAYING_PERSON = rf"{_ARTICLE}(?:{_PERSONS_WHO_PAY})s?\b{_NOT_THEIR_PLACE_OR_CASH}"
_PAYER = (
    rf"{_ARTICLE}(?:{_PERSONS_WHO_PAY}|head\s*office|office|hq|headquarters|foundation|company|ministry)s?\b"
    rf"{_NOT_THEIR_PLACE_OR_CASH}"
)
# Not ថៅកែ, the boss but also a shop's owner: "ទិញនំ ៥០០០៛ ពីថៅកែហាង"; "លុយពីថៅកែ" is the boss's money.
_KHMER_PERSONS_WHO_PAY = "ម្ចាស់ជំនួយ|អតិថិជន|ឪពុកម្តាយ|ឪពុកម្ដាយ|ម្តាយ|ម្ដាយ|ឪពុក|អាណាព្យាបាល|ប្រធាន"
_AMOUNT = r"[$៛]?\s*[0-9០-៩]"
# How an amount ends, for a look back of a fixed width: "500$ from", "៥០០ដុល្លារ ពី".
_AMOUNT_ENDS = ("[0-9០-៩$៛]", "usd", "riel", "riels", "dollars")
_KHMER_AMOUNT_ENDS = ("[$៛0-9០-៩]", "[$៛0-9០-៩] ", "ដុល្លារ", "ដុល្លារ ", "រៀល", "រៀល ")

# The box topped up in words (an admin records it with /topup): "top up petty cash 100$", "box
# refilled", "added 50$ to the kitty", ថៅកែដាក់លុយ ១០០$ ចូលប្រអប់; not a phone's top-up.
BOX_TOPPED_UP = (
    rf"\b(?:top(?:ped|ping|s)?[- ]?up|refill(?:ed|ing|s)?|replenish(?:ed|ing|es)?)\s+{_ARTICLE}{_BOX}",
    rf"\b{_BOX}\s+(?:(?:was|is|got|has|been|just)\s+)*(?:top(?:ped)?[- ]?up|refilled|replenished)\b",
    r"\b(?:add(?:ed|s|ing)?|put(?:s|ting)?|gave|give[ns]?|deposit(?:ed|s)?|handed|transferred|sent)\s+"
    rf"{_AMOUNT}\S*(?:\s+(?:usd|riels?|dollars?|bucks))?\s+(?:more\s+)?(?:to|into|in)\s+{_ARTICLE}{_BOX}",
    r"(?:ដាក់|បញ្ចូល|ថែម|បន្ថែម|បំពេញ|ឲ្យ|អោយ|ឱ្យ|ផ្ទេរ)\s*(?:លុយ|ប្រាក់)[^\n]{0,25}ប្រអប់",
    # Money or an amount put into the purse or the box: "Sokun ដាក់ $100 ចូលកាបូប", "ដាក់ ៥០$ ក្នុងប្រអប់";
    # not a thing put in ("ដាក់ទឹកកកក្នុងប្រអប់", ice into the ice box).
    rf"(?:ដាក់|បញ្ចូល|ថែម|បន្ថែម)\s*(?:(?:លុយ|ប្រាក់)\s*)?(?:{_AMOUNT}[0-9០-៩.,]*\s*(?:\$|៛|ដុល្លារ|រៀល|ម៉ឺន|ពាន់)?\s*)?"
    r"(?:ចូល|ក្នុង|ទៅ)\s*(?:ក្នុង\s*)?(?:ប្រអប់|កាបូប|ថតលុយ)",
    r"(?:ដាក់|បញ្ចូល)\s*(?:លុយ|ប្រាក់)\s*ចូល(?!\s*(?:ធនាគារ|គណនី))",
    r"បំពេញ\s*(?:ចូល|ក្នុង)?\s*ប្រអប់",
)
# Money from those who pay the team, told of as a transfer or as the caption of its screenshot ("ABA
# transfer from the donor 500$", "100$ from boss", "paid by the client", ផ្ទេរពីម្ចាស់ជំនួយ); not money
# the team used ("fuel 20$ with the cash from boss"), nor a trip from a place ("tuk tuk 3$ from school").
FROM_THOSE_WHO_PAY = (
    # A fee or charge for the transfer is the team's cost: "bank fee for the transfer from the donor 1$".
    r"\b(?<!with )(?<!with the )(?<!using )(?<!using the )(?<!fee for )(?<!fee for the )(?<!fee on the )"
    r"(?<!charge for the )(?<!charges for the )(?:(?:transfer(?:red|s)?|payments?|money|cash|"
    r"funds?|remittance|wired?|aba|acleda|wing|khqr|bakong|deposit|donation|incoming|credit(?:ed)?)\s+"
    rf"(?:\S+\s+)?from|paid\s+(?:\S+\s+)?by)\s+{_PAYER}",
    # Led by the word and looking back to the amount, so a search skips fast where "from" is not.
    rf"\bfrom(?:{'|'.join(f'(?<={amount_end} from)' for amount_end in _AMOUNT_ENDS)})\s+{_PAYING_PERSON}",
    rf"^\s*from\s+{_PAYING_PERSON}",
    r"\bcredited\b",
    # A parent paying for a child's place: "Mrs Dany paid 60$ for her son's classes".
    r"\b(?:paid|pays|transferred|sent)\b[^\n]{0,40}\bfor\s+(?:her|his|their)\s+(?:son|daughter|child|kid|"
    r"grandson|granddaughter|children|kids)(?:['’]s|s)?\b",
    # What those who pay the team paid it: "tuition from 3 students 150$", "rent from the tenants"; a fee
    # for that payment is the team's cost.
    r"\b(?<!fee for )(?<!fee for the )(?<!fee on the )(?<!charge for the )"
    r"(?:fees?|tuition|payments?|rent|dues|money|cash)\s+from\s+(?:[0-9០-៩]+\s+|the\s+|our\s+|all\s+)?"
    r"(?:students?|parents?|guests?|clients?|customers?|tenants?|members?|patients?)\b",
    r"\bincoming\s+(?:transfer|payment|money|funds?|wire|aba)\b",
    rf"(?:ផ្ទេរ|វេរ|ផ្ញើ|លុយ|ប្រាក់|aba|wing|acleda)\S{{0,6}}\s*ពី\s*(?:លោក\s*)?(?:{_KHMER_PERSONS_WHO_PAY}|"
    r"ថៅកែ|ការិយាល័យ(?!\S*\s*ទៅ)|អង្គការ|មូលនិធិ)",
    rf"ពី(?:{'|'.join(f'(?<={amount_end}ពី)' for amount_end in _KHMER_AMOUNT_ENDS)})\s*(?:លោក\s*)?"
    rf"(?:{_KHMER_PERSONS_WHO_PAY})",
)
# Money said to be the member's own and for themselves, or not the team's: "for myself", "personal
# expense", "not from the box", "my treat", លុយផ្ទាល់ខ្លួន មិនមែនលុយក្រុម. Own money alone is spending still
# ("paid the taxi 5$ from my own pocket"): a member who paid from her own pocket is owed it.
NOT_THE_TEAMS_MONEY = (
    r"\bnot\s+(?:from|out of|with|on)\s+(?:the\s+|our\s+)?(?:box|petty\s*cash|team|office|company|kitty|"
    r"float|fund|budget|project)\b",
    r"\bnot\s+(?:the\s+|our\s+|a\s+)?(?:team|office|company|box|project|work|group)(?:['’]s\b|\s+(?:money|"
    r"cash|expenses?|spending|funds?|budget)\b)",
    r"\bpersonal\s+(?:money|cash|expenses?|spending|use|purchases?|stuff|things?|card|account|funds?|matter)\b",
    r"\b(?:it'?s|its|was|is|just|all|my)\s+personal\b",
    r"\bpersonal\s*[.!)]*\s*$",
    r"^\s*personal\s*[:\-–—]",
    r"\bfor\s+(?:myself|himself|herself|themselves|yourself)\b(?!\s*(?:and\b|&|\+|,))",
    r"\b(?:don'?t|do not|dont|no need to|not to|never)\s+(?:record|log|save|count|claim|enter)\b",
    r"\b(?:on me|my treat|my shout|i treated|i'?ll treat)\b",
    r"(?:ខ្ញុំ|បង|ប្អូន)\s*ប៉ាវ",  # "my treat"; not នំប៉ាវ, a bun
    # Eaten, drunk or used by the member alone: "ទិញកាហ្វេញ៉ាំខ្លួនឯង", "ផឹកខ្លួនឯង".
    r"(?:ញ៉ាំ|ញុំា|ហូប|ផឹក|ប្រើ|ពាក់|ស៊ី)\s*(?:ផ្ទាល់\s*)?ខ្លួនឯង",
    r"\b(?:eat|ate|drink|drank|use|used|wear)\s+(?:it\s+|them\s+)?myself\b",
    r"សម្រាប់ខ្លួនឯង|ឲ្យខ្លួនឯង|អោយខ្លួនឯង|(?:ចំណាយ|ប្រើ|ប្រើប្រាស់|ការ|រឿង)ផ្ទាល់ខ្លួន",
    r"មិនមែន\s*(?:ជា\s*)?(?:លុយ|ប្រាក់|ចំណាយ)?\s*(?:ពី|របស់)?\s*(?:ក្រុម|ប្រអប់|ការិយាល័យ|អង្គការ|គម្រោង)",
    r"(?:មិន|អត់|កុំ|ពុំ)\s*(?:បាន\s*)?(?:យក|ប្រើ|ដក|ចាយ|គិត|កាត់)\s*(?:លុយ|ប្រាក់)?\s*(?:ពី|របស់|ក្នុង)?\s*"
    r"(?:លុយ|ប្រាក់)?\s*(?:ក្រុម|ប្រអប់|ការិយាល័យ|អង្គការ|គម្រោង)",
    r"(?:កុំ|មិនបាច់|មិនចាំបាច់|អត់បាច់)\s*កត់",  # "don't record it"
)
# Leave to spend, often with a cap: "approved, max 50$", "ok go ahead, up to 30$", "not more than 40$",
# "60$ tops", យល់ព្រម ទិញបាន តែកុំឲ្យលើស ៥០$. No money has gone yet; "the total came up to 36$" is not a cap.
LEAVE_TO_SPEND = (
    r"\b(?:approv(?:e|ed|es|ing)|ok'?d|okayed|green[- ]?light|greenlit|go ahead|authori[sz]ed|permitted|"
    r"allowed)\b",
    r"\b(?:you|u)\s+(?:can|may|could)\s+(?:buy|spend|get|pay|use|take|order|rent)\b",
    r"\b(?:not|no)\s+(?:more|higher|bigger)\s+than\b",
    rf"\bnot\s+(?:over|above|beyond|exceeding)\s+{_AMOUNT}",
    r"\b(?:don'?t|dont|do not|shouldn'?t|should not|must not|mustn'?t|can'?t|cannot|never)\s+"
    r"(?:go\s+|spend\s+|pay\s+|be\s+|cost\s+)?(?:more than|over|above|beyond|exceed)\b",
    r"\bnot to exceed\b",
    r"\b(?:keep|stay|keeping|staying)\s+(?:it\s+|them\s+|the\s+\w+\s+)?(?:under|below|within|less than)\b",
    r"\b(?<!came )(?<!comes )(?<!went )(?<!goes )(?<!added )(?<!adds )(?:at (?:the )?most|maximum|up\s*to|"
    rf"upto|capped at|limit(?:ed)? (?:of|to|is))\s*{_AMOUNT}",
    # A yes with a cap word anywhere after it: "ok buy it, limit 15$", "អូខេ ទិញបាន max ២០$".
    *(
        rf"{yes}[^\n]*\b(?:max|limit|tops|under|below|within)\b"
        for yes in (r"\b(?:ok|okay|yes|sure|fine|alright)\b", "(?:បាទ|ចាស|អូខេ)")
    ),
    r"(?:មិន|កុំ|អត់|ពុំ)\s*(?:ឲ្យ|អោយ|ឱ្យ)?\s*(?:ចាយ|ចំណាយ|ទិញ|បង់|ប្រើ)?\s*(?:លើស|ហួស)",
    rf"(?:≤|<=?)\s*{_AMOUNT}",
    r"យ៉ាងច្រើន|ច្រើនបំផុត|អតិបរមា|ដែនកំណត់|យល់ព្រម|អនុញ្ញាត",
    rf"(?<!ជាន់)(?<!ខាង)(?:ត្រឹម|ក្រោម)\s*{_AMOUNT}",  # up to, under; not downstairs, nor "below:"
)
# Leave asked, anywhere in the message: "Boss ok te? printer thmey $180 at the shop", "can I? new fan 25$",
# "បានទេបង? ទិញកង្ហារ ២៥$": a purchase proposed, not one made (a message telling it paid is spending).
ASKING_LEAVE = (
    r"\b(?:ok|okay|oke|okie|can\s+(?:i|we)|may\s+(?:i|we)|allowed|approve|alright|possible|ban|bann)"
    r"(?:\s+(?:te|tee|ot|ort|reu\s+ot|or\s+not|not|boss|bong|sir|na))*\s*\?",
    r"(?:បាន|អាច|អូខេ|យល់ព្រម)\s*(?:ទេ|អត់|ឬអត់|ឬទេ|ឬនៅ)\s*(?:បង|លោក|ថៅកែ)?\s*\?",
)
# The team's money moved between its own places: the box, the safe, its bank account or wallet app ("moved
# 100$ from the cash box to ABA", "banked 300$", ផ្ទេរលុយពីប្រអប់ទៅគណនី); no money went out. Sent to anyone
# else's account it did ("ABA transfer to the tiler 40$"), and a bank's fee is the team's cost. Money
# withdrawn is told apart before (money_back: the member hears it was not saved).
_OWN_PLACE = (
    r"(?:the\s+|our\s+|team\s+|office\s+)?(?:cash\s*box|petty\s*cash|box|kitty|float|safe|till|drawer|"
    r"bank(?:\s+account)?|(?:aba|acleda|wing|bakong)(?:\s+(?:account|acc|app|wallet))?|account|savings)\b"
)
_KHMER_OWN_PLACE = r"(?:ប្រអប់|ធនាគារ|គណនី|aba|acleda|wing|atm|ទូដែក)"
OWN_MONEY_MOVED = (
    r"^(?![^\n]*\b(?:fees?|charges?|commission)\b)[^\n]*?\b(?:moved|move|moving|transferred|transfer|shifted|put|"
    rf"took|sent|deposited)\b[^\n]{{0,30}}?\bfrom\s+{_OWN_PLACE}[^\n]{{0,20}}?\b(?:to|into|in)\s+{_OWN_PLACE}",
    rf"\b(?:banked|put|deposited)\s+{_AMOUNT}\S*(?:\s+(?:usd|riels?|dollars?))?\s+(?:in|into|to)\s+"
    r"(?:the\s+|our\s+)?(?:bank|account|aba|acleda|wing)\b",
    rf"(?:ផ្ទេរ|ដាក់|ដក|យក)\s*(?:លុយ|ប្រាក់)?[^\n]{{0,20}}ពី\s*{_KHMER_OWN_PLACE}[^\n]{{0,20}}"
    rf"(?:ទៅ|ចូល)\s*(?:ក្នុង\s*)?{_KHMER_OWN_PLACE}",
    r"ដាក់\s*(?:លុយ|ប្រាក់)[^\n]{0,20}(?:ចូល|ទៅ)\s*(?:ក្នុង\s*)?(?:ធនាគារ|គណនី)",
)
