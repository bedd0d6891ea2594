"""Messages with money in them that tell of no money spent: a bill still due, money received or put in
the box, a price or a quote, a request, a plan or leave to spend, pay rates, a member's own money, talk
and jokes. They are neither saved nor questioned. Word families and a little grammar (the future,
orders, negation, who paid whom, an aside after money spent), in English and Khmer: a model reads
better, and the messages these miss go to it."""

from __future__ import annotations

import re
from functools import cache

from balance_bot.domain import khmer_money_talk, romanised
from balance_bot.domain.alternation import any_of
from balance_bot.domain.cash_counts import CASH_COUNTED
from balance_bot.domain.pay_rates import PAY_RATE
from balance_bot.domain.period_totals import PERIOD_TOTALS
from balance_bot.domain.price_talk import PRICE_TALK, is_priced
from balance_bot.domain.text import bare_word
from balance_bot.domain.vocabulary import (
    HEDGE_WORDS,
    NOT_SPENT_PHRASES,
    NOT_SPENT_WORDS,
    PHONE_WORDS,
    REQUEST_OPENERS,
    REQUEST_PERSONS,
    TOP_UP_WORDS,
)
from balance_bot.domain.whose_money import (
    ASKING_LEAVE,
    BOX_TOPPED_UP,
    FROM_THOSE_WHO_PAY,
    LEAVE_TO_SPEND,
    NOT_THE_TEAMS_MONEY,
    OWN_MONEY_MOVED,
)

# Said of money the team has paid: these make a bill or a fee an expense again ("paid the EDC bill").
_PAID = any_of(
    r"\b(?:i|we|just|already|finally)\s+(?:paid|bought|spent|settled|got|picked)\b",
    r"^\s*(?:paid|bought|spent|settled|cleared)\b",
    r"\bpaid\s+(?:the|for|our|it|them|him|her)\b",
    r"\bended up (?:getting|buying|paying)\b",
    r"\bhanded over\b",
    r"\b(?:paid|settled)\s*(?:[,.!]|$)",
    r"បង់រួច|បង់ហើយ|ទិញរួច|ទិញហើយ|បានបង់|បានទិញ|រួចហើយ|រួចរាល់|ទូទាត់រួច|ទូទាត់ហើយ|បានទូទាត់",
    r"^\s*(?:បង់|ទូទាត់)",
    # Paid after a clause of talk: "the driver asked 10$, paid 8$", "quoted 50$, we paid 45$".
    r"[,;.!]\s*(?:(?:i|we|so|and|then|but|finally)\s+)*paid\s+[$៛]?\s*[0-9០-៩]",
    *romanised.PAID,
)
# A payment denied or not made yet, in either language: "haven't paid the invoice", "not yet
# transferred", អត់ទាន់បង់, មិនបានទិញ. Read before _PAID, which the same words would otherwise satisfy.
_NOT_PAID = (
    r"\b(?:not|never|haven'?t|hasn'?t|havent|hasnt|didn'?t|didnt|did not|have not|has not|yet to|"
    r"no one|nobody|nothing)\s+(?:yet\s+|been\s+|even\s+)*(?:paid|pay|bought|buy|spent|spend|settled|"
    r"settle|transferred|transfer|sent|send|released|disbursed)\b",
    r"\bunpaid\b",
    # Not "…កុំឲ្យក្តៅ", "…មិនឲ្យចោរលួច": a thing bought so that something does not happen.
    *romanised.NOT_PAID,
    r"(?:មិន|អត់|ពុំ)\s*(?:ទាន់\s*(?:បាន\s*)?(?:ឲ្យ|អោយ|ឱ្យ)|(?:ទាន់\s*)?(?:បាន\s*)?(?:បង់|ទិញ|ចាយ|ផ្ញើ|ផ្ទេរ|ទូទាត់|បើក))",
    # No one has paid yet: អត់ទាន់អ្នកណាបង់, គ្មាននរណាបានបង់.
    r"(?:មិន|អត់|ពុំ|គ្មាន)\s*(?:ទាន់\s*)?(?:មាន\s*)?(?:អ្នកណា|នរណា|នណា)\s*(?:បាន\s*)?(?:បង់|ទិញ|ផ្ញើ|ផ្ទេរ|ទូទាត់)",
)
# A bill or an invoice still to pay, a reminder, a quote or an estimate.
_DUE = (
    r"\b(?:due|invoice|invoiced|reminder|remind|unpaid|outstanding|quot(?:e|ed|es|ation)|"
    r"estimate[sd]?|needs? paying|to be paid|not (?:yet )?paid|pay (?:by|before|on)|"
    r"don'?t forget|do not forget|owe|owes|still owe|statement|renewal|renew|runs out|run out|"
    r"payment link|payment request|have to pay|hv to pay|gotta pay|must pay|need to pay|forget|"
    r"charge (?:the|my|our) card|nxt|who approves|approve|approval|waiting for|pending|awaiting)\b",
    r"\b(?:said|says|asks for|asked for|wants|wanted)\b",
    # A price asked, not paid: "tuk tuk guy asked 5$ for 500m", "she asked us 20$", គេហៅ ២ម៉ឺន, ហៅថ្លៃ.
    r"\basked\s+(?:(?:me|us|him|her|them)\s+)?(?:(?:like|about|around|only|just)\s+)?[$៛]?\s*[0-9០-៩]",
    r"(?:គេ|គាត់)\s*ហៅ\s*(?:ថ្លៃ\s*)?[$៛0-9០-៩]|ហៅថ្លៃ",
    # A bill that came, not one paid: "got the bill from the caterer", "water bill came today".
    r"\b(?:bill|bills)\b[^\n]{0,30}\b(?:came|comes|arrived|is here|are here)\b|\b(?:got|received|sent|sends|"
    r"brought|gave us)\s+(?:the\s+|his\s+|her\s+|their\s+|our\s+|a\s+|an\s+)?(?:\w+\s+)?bills?\b",
    # Someone said, told or thinks that…: ជាងថា, បងដារ៉ាថា, ប្រាប់ថា, គិតថា (not ស្ថានីយ, ថាស, ថាមពល).
    r"(?<!្)ថា(?!ស|មពល|[\u17b6-\u17d3])",  # not ប៊ុនថាំ, a bus company's name
    # A bill that runs out on a day: "expires today", ផុតថ្ងៃនេះ, ផុតកំណត់ថ្ងៃ៥.
    r"\b(?:expires|expiring|expiry|expire)\b",
    r"ផុត\s*(?:កំណត់\s*)?(?:ថ្ងៃ|ម៉ោង|ខែ)",
    r"រង់ចាំលុយ|ចាំលុយ|ចាំបង់|ជំពាក់|ត្រូវបង់|មិនទាន់បង់|កុំភ្លេច|រំលឹក|សម្រង់តម្លៃ|ឲ្យតម្លៃ",
    r"អោយតម្លៃ|ដាក់តម្លៃ|ដាក់ថ្លៃ|គេសុំ|វិក្កយបត្រ",
    # Wanting money or a thing (ចង់បាន, ចង់ឲ្យ), and a day money is wanted by: "…ថ្លៃជួល ១៥០$ មុនថ្ងៃទី៥",
    # "rent 150$ before the 5th"; a payment made before a day says it was paid (_PAID).
    r"ចង់\s*(?:បាន|ឲ្យ|អោយ|ឱ្យ)",
    r"មុន\s*(?:ថ្ងៃ\s*(?:ទី|ច័ន្ទ|អង្គារ|ពុធ|ព្រហស្បតិ៍|សុក្រ|សៅរ៍|អាទិត្យ|ស្អែក|[0-9០-៩])|ចុងខែ|ដើមខែ|ខែក្រោយ)",
    r"\b(?:by|before)\s+(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th)\b",
)
# Money received, from whomever: when it came back ("ទទួលលុយវិញ"), the bot says it saved nothing.
_RECEIVING = (
    r"ទទួលបាន|ទទួលលុយ|ទទួលប្រាក់|បានទទួល|ផ្ទេរមក|លុយចូល"
    # Money sent or given towards the team (មក): "សាលារៀនផ្ញើលុយមក ២០០$"; not a fee for sending (ថ្លៃផ្ញើ…).
    r"|(?<!ថ្លៃ)(?:ផ្ញើ|ផ្ទេរ|ឲ្យ|អោយ|ឱ្យ)\s*(?:លុយ|ប្រាក់)\s*មក"
    # A body sending money, named first: "អង្គការផ្ទេរប្រាក់ ៥០០$"; not "ផ្ទេរលុយឲ្យក្រុមហ៊ុន" nor a fee.
    r"|(?<!ថ្លៃ)(?<!ឲ្យ)(?<!ទៅ)(?:សាលា(?:រៀន)?|អង្គការ|ក្រសួង|ក្រុមហ៊ុន|ការិយាល័យ(?:កណ្តាល|កណ្ដាល)?|ម្ចាស់ជំនួយ)"
    r"\s*(?:បាន\s*)?(?:ផ្ញើ|ផ្ទេរ)\s*(?:លុយ|ប្រាក់)"
)
_NOT_PAID_FOR = r"\b(?<!for )(?<!for the )(?<!for our )(?<!to )(?<!to the )"
# Paid to someone named, not the team: the money went out.
_NOT_TO_A_PAYEE = r"(?!\s+to\s+(?!us\b|me\b|our\b|the\s+(?:box|team|kitty)\b))"
_PAYS = r"\b(?:paid|pays|transferred|transfers?|sent|wired|gave|deposited|settled|topped|handed|returned)\b"
# Money coming in: from a client, a parent, a donor; transferred to the team; lent or borrowed.
_MONEY_IN_BRANCHES = (
    # Who paid the team; not those it paid for ("tuk tuk for the guests…, paid from the box"). A person
    # may do more first ("customer picked up 2 sacks, paid 38$"); a body's name, which also names what
    # is its ("office car clutch replaced, paid 180$"), pays in its own clause.
    rf"{_NOT_PAID_FOR}(?:client|customer|parent|parents|mother|father|mom|mum|dad|donor|sponsor|"
    rf"student|guardian|guest|tenant|boss|member|patient)s?\b[^.\n]{{0,40}}?{_PAYS}",
    # A body's name before an amount, or before paying someone, names what was paid for ("office rent Dec
    # 300$ paid to landlord", "school fees paid to the school"), not who paid.
    rf"{_NOT_PAID_FOR}(?:company|band|foundation|office|headquarters|hq|uni|university|school|ministry)s?\b"
    rf"[^.,;\n$៛0-9០-៩]{{0,40}}?{_PAYS}{_NOT_TO_A_PAYEE}",
    r"\b(?:tranche|grant|income|deposit|deposits|deposited|sale|sales|dues|offering|offerings|"
    r"fundraiser|chip in|chipped in|per diem)\b",
    # A donation in; one the team gives goes to someone ("donation to pagoda 20$", "we donated 20$").
    r"\bdonations?\b(?!\s+(?:to|for\s+the\s+(?:pagoda|wat|temple|monks?|funeral|flood|victims?))\b)",
    r"\b(?<!we )(?<!i )donated\b(?!\s+(?:[$៛]?[0-9]\S*\s+)?to\b)",
    r"ចំណូល(?!ចិត្ត)",  # income
    r"\b(?:chomnol|chamnol|chomnoul)\b",
    r"\b(?:landed|came in|arrived)\b",
    # Who pays the team paying, told in the present: "customer pay 18$", "client transfer 120$ via aba".
    r"\b(?:client|customer|patient|guest|buyer|tenant)s?\s+(?:pay|pays|bong|transfer|transfers)\b",
    # Got from one who pays the team: "got 25$ from a walk-in customer".
    r"\b(?:got|received|collected|took\s+in)\b[^\n]{0,25}\bfrom\s+(?:a|the|one|our|\d+)?\s*(?:[\w-]+\s+)?"
    r"(?:client|customer|patient|guest|buyer|tenant|student|parent)s?\b",
    # Someone gave it back: "Rith gave 15$ back to the box"; not "we gave 5$ back to the guest".
    r"\b(?<!\bi )(?<!\bwe )(?<!\band )(?<=[a-z] )(?:gave|paid|brought)\s+[$៛]?[0-9][0-9.,]*\s*"
    r"(?:\$|usd|riels?|៛|k)?\s+back\b",
    r"\bgave (?:us|me)\b",
    # Members paying the group what they owe it: "farmer group paid their fees 60$", "members paid dues".
    r"\b(?<!we )(?<!i )paid\s+(?:their|the(?:ir)?\s+(?:monthly|yearly|annual|membership))\s+(?:\w+\s+)?"
    r"(?:fees?|dues|shares?|contributions?)\b",
    # Whoever paid us, a trader or a buyer, paid the team: "trader paid us 1,250$ for the rice".
    r"\b(?<!we )(?<!i )(?:paid|pays|paying|transferred|sent|handed)\s+us\b(?!\s+back)",
    r"\b(?:check(?:ed)?|chkd) out\b",
    r"\b(?:sold|selling)\b",
    # Someone returned it; "returned 5$ from taxi" alone is money back, which the bot says it did not save.
    r"\S\s+(?:returned|paid back|gave back)\s+(?:the\s+)?[$0-9]",
    r"\b(?<!just )(?<!i )(?<!we )(?:transferred|wired|sent)\s+(?:us\s+)?[$0-9]",
    r"\b(?:via|through|by)\s+(?:aba|acleda|wing|bank)\b.*\b(?:sent|received|came)\b",
    r"\bput it in the (?:drawer|box)\b",
    r"\b(?:client|customer|parent|guest|donor|student|tenant|patient|sponsor)s?\b[^.\n]{0,20}?(?:បង់|ផ្ទេរ|ផ្ញើ|ឲ្យ|អោយ)",
    r"\b(?:collection|contribution|contributions)\b",
    r"\b(?:her|his|their)\s+(?:debt|loan)\b",  # "Sreyleak paid her debt 12$"
    r"\b(?:room|rm)\s*[0-9០-៩]+\s+(?:guests?\s+)?(?:paid|pays|checked|transferred)\b",
    r"\btop(?:ped)?[- ]?up\s+(?:from|by)\b|\b(?:box|kitty|float)\s+(?:got|received)\b",
    # A loan, to or from the box, is money that comes back: "borrowed 20$ from the box", ខ្ចីលុយ.
    r"\b(?:borrow(?:s|ed|ing)?|lent|lend(?:s|ing)?|loan(?:s|ed)?)\b",
    r"ខ្ចី",
    r"(?:ម្តាយ|ម្ដាយ|ឪពុក|ម៉ាក់|ម៉ែ|(?:ប៉ា|ពុក)(?=\s|របស់)|អាណាព្យាបាល|អតិថិជន|ម្ចាស់ជំនួយ|សិស្ស|ភ្ញៀវ|ថៅកែ|សមាជិក)[^\n]{0,30}(?:បង់|"
    r"ផ្ទេរ|ឲ្យ|អោយ|ផ្ញើ|កក់|paid|pays|transferred|sent|gave)",
    r"(?<!អ្នក)លក់",
    # Someone paid back (សង) an amount, or paid it back (សងវិញ); not "I" or "we" paying someone back.
    r"សង(?<!ខ្ញុំសង)(?<!ខ្ញុំ សង)(?<!យើងសង)(?<!យើង សង)(?<!^សង)(?<!\nសង)\s*(?:វិញ\s*)?(?:[0-9០-៩$៛]|វិញ)",
    r"\b(?:cash|money)\s+in\b(?!\s+(?:the|a|my|our|hand|box|tin|till|drawer|kitty|float|petty))",
    r"សងលុយ|សងប្រាក់|ប្រាក់កក់|លុយកក់|ឲ្យលុយមក|អោយលុយមក|ឧបត្ថម្ភ|តង្វាយ|បរិច្ចាគ|លុយអាប់|មកដាក់វិញ",
    r"អ្នកជំងឺ",
    # Money made: "we made 230$ from the concert tickets", "raised 80$".
    r"\b(?:made|raised|earned|collected)\s+(?:about\s+|around\s+)?[$0-9០-៩][^\n]*\bfrom\b|\braised\s+[$0-9០-៩]",
    # Money made, told with its currency: "made 62$ at the stall", not "made 20 copies 5$".
    r"\bmade\s+(?:about\s+|around\s+)?[$៛]?[0-9][0-9.,]*\s*(?:\$|usd|riels?|dollars?|bucks|៛)",
    r"ភាគហ៊ុន|ដាក់ក្នុងប្រអប់|ដាក់ចូលប្រអប់",
    # Tips the customers left (a tip the team gives is "tip for the driver"); a table's order or bill.
    r"\btips?\s+(?:box|jar|pot|tin)\b|\btips\s+(?:today|tonight|collected|received|from|this\s+(?:week|month))\b",
    r"លុយធីប|ប្រអប់ធីប|តុ\s*(?:លេខ|ទី)\s*[0-9០-៩]",
    r"\btable\s*(?:no\.?\s*|#\s*|number\s*)[0-9]|\btable\s*[0-9]{1,2}\s+(?:ordered|orders|order|paid|wants|asked)\b",
    r"\bput (?:it |them )?(?:back )?in(?:to)? the box\b",
    # The change of a purchase brought back, or money put back: "put back 12,000 riel change", "returned
    # the change 3$", លុយអាប់ (change) below; not "put 3$ back" after money spent, which asks.
    r"^\s*(?:(?:i|we|just|already)\s+)*(?:put|brought|handed|gave)\s+(?:it\s+|the\s+change\s+)?back\b",
    r"\bchange\b[^\n]{0,30}\b(?:put back|brought back|returned|given back|handed back)\b",
    r"\b(?:put back|brought back|returned|gave back|handed back)\s+(?:the\s+)?(?:\S+\s+){0,2}?change\b",
    *BOX_TOPPED_UP,
    *FROM_THOSE_WHO_PAY,
    *romanised.MONEY_IN,
    *khmer_money_talk.MONEY_IN,
)
# Read first, in one pass: money in, a payment not made, a period's total, money not the team's or moved
# between its own places; none of it is spending, whatever else the message says.
_RECEIVED_OR_NOT_PAID = any_of(
    *_MONEY_IN_BRANCHES,
    _RECEIVING,
    *_NOT_PAID,
    *PERIOD_TOTALS,
    *OWN_MONEY_MOVED,
    *NOT_THE_TEAMS_MONEY,
    *romanised.OWED,
    *romanised.NOT_THE_TEAMS,
)
# The verbs of an order. Members also write what they bought that way ("buy water 2$", "get ice 1$"): a
# verb alone opens a request only with a word that asks (pls, go, just) or one that sends on an errand.
ORDER_WORDS = (
    *("ask", "bring", "order", "buy", "send", "go", "pick", "get", "tell", "call", "remember", "make sure"),
)
# Orders that are never a report of what was bought: "ask Dara 5$", "remember the 20$".
ASKING_WORDS = ("ask", "tell", "remember", "make sure")
_VERB = rf"(?:{'|'.join(ORDER_WORDS)})\b"
# The verb of an order, after what may soften it: "pls go buy", "just ask".
_ORDER = rf"(?:(?:pls|plz|please|just|go|and|then)\s+)*{_VERB}"
# Asking someone to buy, saying what is needed, planning: no money has gone yet.
_REQUEST_OR_PLAN = (
    r"^\s*(?:pls|plz|please)\b",
    # Whom to call, with the number: "Call 012 345 678 for the water delivery guy, 1 bottle = 3000r".
    r"^\s*(?:call|contact|ring|phone|text|msg|message|whatsapp|telegram)\b[^\n]{0,30}?(?:\+\s*855|(?<![0-9])0)"
    r"\s*[1-9][0-9]",
    r"^\s*(?:ទូរស័ព្ទ|ខល|តេ)\s*(?:ទៅ|មក|លេខ)[^\n]{0,20}?[0០]\s*[1-9១-៩]",
    r"\bnew one\b",
    r"^\s*(?:can|could|would|shall)\s+(?:you|u|we|i|someone|somebody|anyone|he|she|they)\b",
    r"^\s*(?:who|anyone|anybody|someone|somebody)\s+(?:can|could|will|is free|free to|has time|wants)\b",
    r"\b(?:need|needs|needed) (?:to buy|new|a|an|more|some)\b",
    r"\bwe need\b",
    r"\bbudget\b",
    # The future in its short forms too: "i'll", "we'll", "tmr", "2moro".
    r"\b(?:next (?:week|month|time)|tomorrow|tmr|tmrw|tmw|tmrow|2moro|2morrow|2mr|tomorow|tomoro|"
    r"tommorow|tommorrow|later|will|gonna|wanna|going to|plan|planning|"
    # A month or a day whole: "from march", not "from market", "from decor shop", "from junk shop".
    r"thinking of|thinking about|let'?s|maybe|might|(?:from|starting|effective|as of) (?:jan(?:uary)?|"
    r"feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|next|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?))\b",
    # An order opens the message or a clause ("ok approved, go buy the printer"); not "grab", the
    # ride app, nor the nouns "take away" and "transfer fee", nor "pls" closing a note ("taxi 2$ pls").
    rf"^\s*(?:(?:pls|plz|please|just|go|then)\s+)+{_VERB}",
    rf"^\s*(?:{'|'.join(ASKING_WORDS)})\b",
    rf"^\s*{_VERB}.*\b(?:on (?:the|your|ur) way|on the road|when you (?:come|go|pass))\b",
    rf"[,;.!?]\s*{_ORDER}",
    rf"\b(?:ok|okay|then|so|and)\s+{_ORDER}",
    r"\b(?:pls|plz|please)\s+(?:buy|get|bring|send|transfer|pay (?!(?:me|us)\b)|tell|ask|call|order|"
    r"pick|take|give|remind|prepare|book|top up|go|grab|find)",
    r"^\s*[a-z]+\s+(?:pls|plz|please)\b",
    r"\b(?:ask|tell)\s+(?:the|him|her|them)\b",
    r"\b(?:i|we|you|u|he|she|they|it)\s*['’]ll\b|\bill\s+(?:pay|buy|get|send|bring|transfer|go|take|order)\b",
    r"\btake [$0-9][^ ]* from\b",
    r"[0-9]\$?ish\b",
    r"តោះ|ត្រៀម|ទុកបង់|ទុកសិន|ចាំគាត់|ឆ្លៀត|មកផង|ផងណា|សុំបញ្ជាទិញ|បញ្ជាទិញ|ប្រហែលជា|ត្រូវទិញ",
    r"ត្រូវការ|សុំលុយ|ជួយទិញ|ទិញផង|ស្អែក|ខែក្រោយ|សប្តាហ៍ក្រោយ|អាទិត្យក្រោយ|នឹងទិញ|នឹងបង់|ចង់ទិញ",
    r"គួរ",
    r"ចុងខែ\s*(?:បើក|បង់|ផ្ញើ|ទិញ|ផ្ទេរ)|ពេលក្រោយ|ថ្ងៃក្រោយ|បន្តិចទៀត",
    # If…: "បើប្រើម៉ាស៊ីនថ្មី ត្រូវចំណាយ ៣០០$" (not បើក, to pay out); must or need to spend.
    r"(?<!\S)បើ(?!ក)|ប្រសិនបើ|ប្រសិនជា|ត្រូវ\s*(?:ការ|បង់|ទិញ|ចំណាយ|ចាយ|ផ្ញើ|ផ្ទេរ|ជួល|បើក)",
    # Please (not "please let me tell you", "thank you", "sorry"), approve: a request.
    r"^\s*សូម(?!ជម្រាប|ជំរាប|អរគុណ|ទោស)",
    r"អនុម័ត",
    # The Khmer future: នឹង before a verb (not នឹង typed for និង, "and"), ចាំ before a person ("let me…").
    r"នឹង\s*(?:ត្រូវ\s*)?(?:ទិញ|បង់|ផ្ញើ|ផ្ទេរ|ចាយ|ជួល|ទៅ|យក|ដក|ឲ្យ|អោយ|ឱ្យ|បើក|ហៅ)",
    r"ចាំ\s*(?:ខ្ញុំ|យើង|គាត់|បង|ប្អូន|គេ|អ្នក|ពូ|មីង|ថ្ងៃ|ម៉ោង|ខែ|ល្ងាច|ព្រឹក|យប់|ដល់|ស្អែក)",
    # Asking for something (not សុំទោស, "sorry"): "សុំបើកលុយ ៥០$", "ជាងឈើសុំ ២០០$ មុន".
    r"សុំ(?!ទោស)",
    *romanised.REQUEST,
)
# A Khmer order: a verb of paying or fetching, then ផង ("please", "…មកផង") closing the message, or ណា
# ("…, ok?") after a day or a time of day named ("ថ្ងៃច័ន្ទ ផ្ញើលុយឲ្យជាងឈើ 100$ ណា"): ណា alone also
# softens a report ("ទិញទឹកកក ៥០០០៛ ណាបង"). A report of the same words says the deed is done (ហើយ,
# រួច, បាន, អស់, មិញ); ណាស់ is "very".
_KHMER_ORDER = re.compile(
    r"(?:ផ្ញើ|បង់|ទិញ|ផ្ទេរ|ឲ្យ|អោយ|ឱ្យ|យក|ដក|ជួល|ហៅ|រក)[^\n]*(?:ផង(?:\s*(?:បង|ណា)\S{0,2})?|(?P<ok>ណា)(?:\s*បង\S{0,2})?)"
    r"[\s!.៕]*$"
)
_KHMER_TIME_NAMED = re.compile(r"ថ្ងៃ(?:ច័ន្ទ|អង្គារ|ពុធ|ព្រហស្បតិ៍|សុក្រ|សៅរ៍|អាទិត្យ)|ល្ងាច|យប់|ព្រឹក|ម៉ោង")
_KHMER_DONE = re.compile(r"ហើយ|រួច|បាន|អស់|មិញ")


# Verbs of talk about money in the present, or of others' doings: a report of money spent has none
# ("sugar is 4800 a kilo now", "the laundry lady says 27$", "the foundation sent 3,500 usd").
_TALK = (
    r"\b(?:is|are|isn't|aren't|has|have|does|do|says|said|wants|asks|asking|goes|comes|runs|"
    r"shows|sells|sold|charges|charging|needs|keeps|left|quoted|offers|offered|agreed)\b",
    r"\bit'?s\b",
)
# What the box holds, or someone else's money: "cash left in the box", "my cousin spent 800$ on a moto".
_NOT_THE_TEAMS = (
    r"\b(?:balance|remaining|left over|in the box now)\b",
    r"\bmy\s+(?:cousin|sister|brother|mom|mum|mother|dad|father|uncle|aunt|auntie|friend|neighbou?r|"
    r"wife|husband|son|daughter|girlfriend|boyfriend|gf|bf|family|parents|grandma|grandpa|landlord|"
    r"landlady|rent|kid|child|children|baby)s?\b",
    r"នៅសល់|លុយសល់|សល់លុយ|សមតុល្យ",
    # What is left in the box or the purse: លុយក្នុងប្រអប់សល់ ១៨ម៉ឺន, ប្រអប់នៅ ២០$.
    r"(?:ប្រអប់|កាបូប|លុយក្នុង|ប្រាក់ក្នុង)[^\n\d០-៩]{0,20}សល់",
    r"\b(?:left|remain(?:s|ing)?)\s+in\s+(?:the\s+)?(?:box|kitty|float|petty\s*cash|cash\s*box|drawer)\b",
    # What the box, the drawer or the safe holds, told as it stands (to the elder or the younger addressed
    # first), nothing bought with it: "លុយនៅក្នុងប្រអប់ ៧៥$", "បង លុយនៅក្នុងទូ 180$ និង 95000៛", "cash in
    # the box: 40$", "box has 40$".
    r"^\s*(?:(?:បង|អូន|ប្អូន|bong|oun)\S{0,2}[\s,:!]+)?(?:លុយ|ប្រាក់)\s*(?:នៅ\s*)?ក្នុង"
    r"(?![^\n]*(?:ទិញ|បង់|ចាយ|ជួល|ចាក់|ជួសជុល|យក|អស់))",
    r"^\s*(?:the\s+)?(?:total|cash|money|amount)\s+(?:left\s+|now\s+|still\s+)?in\s+(?:the\s+)?"
    r"(?:box|kitty|float|drawer|cash\s*box|petty\s*cash)\b",
    # The box counted: "total in the cash box after counting: 238$", "cash count 85$", រាប់លុយក្នុងប្រអប់.
    r"\b(?:cash\s+count|box\s+count|after\s+count(?:ing)?|count(?:ed|ing)?\s+(?:the\s+)?(?:box|cash|money|"
    r"kitty|float|drawer))\b",
    r"រាប់លុយ|រាប់ប្រាក់",
    *romanised.LEFT,
    r"\b(?:box|kitty|float|cash\s*box)\s+(?:has|holds|now has|still has)\b",
    r"(?:បងស្រី|បងប្រុស|ប្អូនស្រី|ប្អូនប្រុស|ប្អូន|ម្ដាយ|ម្តាយ|ម៉ាក់|ប៉ា|ឪពុក|ពូ|មីង|អ៊ំ|យាយ|តា|ជីដូនមួយ|"
    r"មិត្តភក្តិ|មិត្ត|ប្រពន្ធ|"
    r"ប្ដី|ប្តី|កូន|គ្រួសារ|អ្នកជិតខាង)ខ្ញុំ",
)
# A joke, a story, or something one would do: no money went.
_JOKE = (
    r"\b(?:jk|kidding|i'?d pay|i would|imagine|what if|suppose|pretend)\b",
    r"💀",
    r"កាលពីក្មេង",
    r"កាលពីមុន",
    r"ឆ្នាំមុន|ឆ្នាំទៅ|ឆ្នាំមិញ",
)
# A sentence denied, closing on its particle: "១០០០រៀល មិនបានអីទេ" (it gets you nothing), as in romanised
# Khmer (romanised.NEGATED); not a receipt missing, a price called fair, nor "no problem" (អត់អីទេ).
_KHMER_NEGATED = (
    r"(?:មិន|អត់|ពុំ)(?!អីទេ|អ្វីទេ|ថ្លៃ|ថោក|មានវិក្កយបត្រ|មានបង្កាន់ដៃ)"
    r"(?:(?!វិក្កយបត្រ|បង្កាន់ដៃ|វិក័យប័ត្រ)[^\n.!?។]){0,30}ទេ(?![\u1780-\u17ff]|\s*\?)",
)
# A question put to the group about money, rather than a report of it.
_NOT_A_REPORT = re.compile(r"\?\s*\S*\s*$")
# A Khmer question ends on its particle: "… ហើយឬនៅ?", "… មែនទេ?".
_KHMER_QUESTION = (
    r"(?:ឬនៅ|ឬអត់|ឬទេ|មែនទេ|អត់|ទេ|ទៅ|ណា)\s*\?\s*$",
    # Opened by a question word, or asking whether one can: "អ្នកណាអាចទិញទឹកកកបាន? ៤០០០៛".
    r"^\s*(?:តើ|អ្នកណា|ហេតុអ្វី|ហេតុអី|ពេលណា|យ៉ាងម៉េច|ម៉េច)",
    r"អាច[^\n?]{0,30}បាន(?:ទេ|អត់)?\s*\?",
)
# An amount told before, named again: "the 50$ I mentioned yesterday was for the DJ".
# A choice put to the group: "ទិញ ឬ ជួល? ទិញ ៦០០$ ជួល ៥០$", "the 12$ one or the 18$ one?".
_CHOICE = (r"\bor\b(?!\s*[$0-9០-៩])[^\n?]*\?", r"ឬ(?!\s*[$0-9០-៩])[^\n?]*\?")  # not "3$ or 4$?": unclear
_NAMED_AGAIN = (
    r"\bthe\s+\$?[0-9][0-9.,]*\s*(?:\$|usd|riels?|dollars?|bucks?|k|៛)?\s+(?:(?:i|we|you|u|he|she|they)\s+"
    r"(?:mentioned|said|told|asked|posted|wrote|sent|gave|took)|"
    r"from\s+(?:yesterday|last|this morning|before))\b",
)


# One pass for all of them, as most messages are spending and go through every pattern.
_TELLING = any_of(
    *_DUE,
    *PRICE_TALK,
    *_REQUEST_OR_PLAN,
    *PAY_RATE,
    *_TALK,
    *_NOT_THE_TEAMS,
    *CASH_COUNTED,
    *_JOKE,
    *_KHMER_NEGATED,
    *_KHMER_QUESTION,
    *ASKING_LEAVE,
    *_NAMED_AGAIN,
    *_CHOICE,
    *LEAVE_TO_SPEND,
    *romanised.DUE,
    *romanised.TALK,
    *romanised.NEGATED,
    *khmer_money_talk.TALK,
)
_WORDS_OF_A_NOTE = 5  # "coffee 3$?" may still be a note with a doubt; a longer question is talk


# A report opening on a past verb of spending: what follows its clause, with no amount in it, is an
# aside ("took 40$ from the box, will explain later"), and a plan or a doubt there spends nothing back.
_SPENT_FIRST = re.compile(
    r"\s*(?:(?:i|we|just|already|have|has|had)\s+)*(?:paid|bought|spent|took|got|gave|purchased|picked up)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;.!]\s|\n|\s(?:but|and then|then)\s")
_DIGIT = re.compile(r"[0-9០-៩]")
# "Sokha paid me back 10$", "paid Dara back": a debt settled, not money spent.
_PAID_BACK = re.compile(
    r"\b(?i:paid|pay|pays|paying|gave|give)"
    r"(?:[ ]+(?:(?i:me|him|her|us|them|you)|[A-Z][a-z]+))?"
    r"(?:[ ]+[$៛]?[0-9][0-9.,]*[ ]?(?i:\$|usd|riels?|៛|k)?)?"  # "Sophal paid me 10$ back"
    r"[ ]+(?i:back)\b"
)
# Paying a member back for what they bought is spending ("paid Dara back 6$ for the markers she bought",
# "reimbursed Sokha 12$ for the taxi"); "Sokha paid me back" and a loan repaid are not.
_REIMBURSING = re.compile(
    r"\s*(?:(?:i|we|just|already)\s+)*(?:paid|gave|reimbursed)\s+(?!(?:me|us|back)\b)[^\W\d_]+(?:\s+back)?\b"
    r"[^\n]*?\bfor\s+(?:the\s+|her\s+|his\s+|their\s+)?[^\W\d_]",
    re.IGNORECASE,
)


# A deposit the team paid: to someone, or put down ("deposit for the hall 50$ paid to Mr Rith",
# "paid a deposit to the caterer", ដាក់ប្រាក់កក់ឲ្យ…); a deposit the team took is money in.
# The same in Khmer, opening on paying back (សង) whoever paid first or bought: "សងលុយ Dara ដែលគាត់ទិញ…",
# "សងប្រាក់ឲ្យបងស្រី ថ្លៃសាំងដែលគាត់ចេញមុន"; "Dara សងលុយវិញ" (a subject first) is money coming back.
_KHMER_REIMBURSING = re.compile(
    r"\s*(?:បាន\s*)?សង\s*(?:លុយ|ប្រាក់)?\s*(?:ឲ្យ|អោយ|ឱ្យ)?[^\n]{0,40}?"
    r"(?:ចេញ\s*(?:លុយ|ប្រាក់)?\s*(?:មុន|ជំនួស)|(?:បង់|ចាយ)\s*(?:មុន|ជំនួស)|ទិញ)"
)
_PAYING_BACK = re.compile(r"សង\s*(?:លុយ|ប្រាក់)?|" + romanised.PAYING_BACK)
_DEPOSIT_PAID = re.compile(
    r"\b(?:deposit|down payment)\b[^\n]*\b(?:paid|given|sent|transferred|wired)\b"
    r"(?!\s+(?:by|from|in|into|to\s+(?:us|me|our))\b)"
    r"|^\s*(?:(?:i|we|just|already)\s+)*(?:paid|put down|left|gave|sent|transferred)\s+"
    r"(?:\S+\s+){0,2}?(?:deposit|down payment)\b"
    r"|(?:ដាក់|បង់)\s*(?:ប្រាក់|លុយ)?កក់\s*(?:ឲ្យ|អោយ|ឱ្យ|ទៅ)|កក់\s*(?:ឲ្យ|អោយ|ឱ្យ)",
    re.IGNORECASE,
)
_DEPOSIT = re.compile(r"\b(?:deposit|down payment)\b|ប្រាក់កក់|លុយកក់", re.IGNORECASE)


def _spending_clause(text: str) -> str:
    """The part of the message its money is told in: the first clause when the message opens on a
    past verb of spending and no other clause names an amount, else the whole message."""
    if not _SPENT_FIRST.match(text) or (end := _CLAUSE_END.search(text)) is None:
        return text
    return text if _DIGIT.search(text, end.end()) else text[: end.start()]


def _reimburses(text: str) -> bool:
    """Whether the message pays a member back for something bought: spending, not a debt settled."""
    return (
        _REIMBURSING.match(text) is not None
        or _KHMER_REIMBURSING.match(text) is not None
        or romanised.REIMBURSING.match(text) is not None
    )


def _is_a_khmer_order(said: str) -> bool:
    order = _KHMER_ORDER.search(said)
    if order is None or _KHMER_DONE.search(said):
        return False
    return not order.group("ok") or _KHMER_TIME_NAMED.search(said) is not None


def tells_of_money_in(text: str) -> bool:
    """Whether the message tells of money coming to the team, or lent and borrowed: a client's
    payment, a refund that came in, money returned to the box, a loan."""
    return _money_in().search(text.lower()) is not None


@cache
def _money_in() -> re.Pattern[str]:
    """Money in alone, compiled on first use: only a message with money coming back needs it."""
    return any_of(*_MONEY_IN_BRANCHES)


def tells_of_no_spending(text: str) -> bool:
    """Whether a message with an amount tells of money not spent: a bill or a quote still to pay,
    money received, prices talked about, a request or a plan, a pay rate. A message saying the
    money was paid is spending whatever else it says ("paid the invoice 1200$")."""
    said = text.lower()  # once, rather than every pattern ignoring case: each message passes here
    if ("deposit" in said or "down payment" in said or "កក់" in said) and _DEPOSIT_PAID.search(said):
        said = _DEPOSIT.sub(" ", said)  # what the deposit was for is the spending
    if _RECEIVED_OR_NOT_PAID.search(said):
        return True
    if _PAID.search(said):
        return False
    if _TELLING.search(said) or _is_a_khmer_order(said) or romanised.asks_for_help_to_pay(said):
        return True
    if is_priced(said) or romanised.talks_of_a_price(said):
        return True
    return len(said.split()) > _WORDS_OF_A_NOTE and _NOT_A_REPORT.search(said) is not None


def without_aside(text: str) -> str:
    """The message without a closing aside that tells of no money ("took 40$ from the box, will
    explain later"): a plan or a doubt there neither undoes the money spent nor says what it bought. An
    aside saying whose money it was ("bought lunch 3$, not from the box") stays: it undoes the spending."""
    clause = _spending_clause(text)
    if clause == text or not tells_of_money_not_spent(aside := text[len(clause) :]):
        return text
    return text if _not_the_teams_money().search(aside.lower()) else clause


@cache
def _not_the_teams_money() -> re.Pattern[str]:
    """Money not the team's alone, compiled on first use: only a message with an aside needs it."""
    return any_of(*NOT_THE_TEAMS_MONEY)


def tells_of_money_not_spent(text: str, words: set[str] | None = None) -> bool:
    """Money received, owed, repaid, earned or left, a plan, a doubt, a request, a bill due, price
    talk: not money spent. `words`: the text's bare words, when the caller has them already."""
    if words is None:
        words = {bare_word(word) for word in text.split()}
    if _reimburses(text):  # "paid Dara back 6$ for the markers she bought": the markers are the spending
        said = _PAYING_BACK.sub(" ", text)  # សងលុយ alone would tell of money coming back
        return bool(words & HEDGE_WORDS) or _is_a_request(text) or tells_of_no_spending(said)
    not_spent = words & NOT_SPENT_WORDS
    if not_spent and not_spent <= TOP_UP_WORDS and words & PHONE_WORDS:
        not_spent = set()  # "topup phone 5$"
    if not_spent or words & HEDGE_WORDS or _is_a_request(text) or tells_of_no_spending(text):
        return True
    lowered = text.lower()
    return (
        any(phrase in lowered for phrase in NOT_SPENT_PHRASES)
        or _PAID_BACK.search(text) is not None
        or romanised.paid_back_by_someone(text) is True
    )


def _is_a_request(text: str) -> bool:
    """'can you buy ice for 2$': a question or a proposal to someone, not a report of money spent."""
    first_words = [bare_word(word) for word in text.split(maxsplit=2)[:2]]
    return len(first_words) == 2 and first_words[0] in REQUEST_OPENERS and first_words[1] in REQUEST_PERSONS
