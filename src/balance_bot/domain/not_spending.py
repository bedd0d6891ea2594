"""Messages with money in them that tell of no money spent: a bill still due, money received, a
price or a quote, a request or a plan, pay rates, talk and jokes. They are neither saved nor
questioned. Vocabulary, not grammar: a model reads better, and the messages these miss go to it."""

from __future__ import annotations

import re

# Said of money the team has paid: these make a bill or a fee an expense again ("paid the EDC bill").
_PAID = re.compile(
    r"\b(?:i|we|just|already|finally)\s+(?:paid|bought|spent|settled|got|picked)\b|^\s*(?:paid|bought|spent)\b"
    r"|\bpaid\s+(?:the|for|our|it|them|him|her)\b|\bended up (?:getting|buying|paying)\b|\bhanded over\b"
    r"|\b(?:paid|settled)\s*(?:[,.!]|$)|បង់រួច|បង់ហើយ|ទិញរួច|ទិញហើយ|បានបង់|បានទិញ|រួចហើយ|រួចរាល់|^\s*បង់",
    re.IGNORECASE,
)
# A bill or an invoice still to pay, a reminder, a quote or an estimate.
_DUE = re.compile(
    r"\b(?:due|invoice|invoiced|reminder|remind|unpaid|outstanding|quot(?:e|ed|es|ation)|estimate[sd]?"
    r"|needs? paying|to be paid|not (?:yet )?paid|pay (?:by|before|on)|don'?t forget|do not forget"
    r"|owe|owes|still owe|statement|renewal|renew|runs out|run out|payment link|payment request"
    r"|have to pay|hv to pay|gotta pay|must pay|need to pay|forget|charge (?:the|my|our) card|nxt"
    r"|who approves|approve)\b"
    r"|\b(?:said|says|asks for|asked for|wants|wanted)\b|(?:គេ|ជាង|គាត់|ហាង|ម្ចាស់ផ្ទះ|អ្នកលក់)ថា"
    r"|រង់ចាំលុយ|ចាំលុយ|ចាំបង់|ជំពាក់|ត្រូវបង់|មិនទាន់បង់|កុំភ្លេច|រំលឹក|សម្រង់តម្លៃ|ឲ្យតម្លៃ|អោយតម្លៃ|ដាក់តម្លៃ|ដាក់ថ្លៃ|គេសុំ|វិក្កយបត្រ",
    re.IGNORECASE,
)
# Money coming in: from a client, a parent, a donor; transferred to the team.
_RECEIVED = re.compile(
    r"\b(?:client|customer|parent|parents|mother|father|mom|mum|dad|donor|sponsor|company|student|guardian"
    r"|guest|tenant|band|foundation|boss|office|headquarters|hq|uni|university|school|ministry|member|patient)s?\b"
    r"[^.\n]{0,40}?\b(?:paid|pays|transferred|sent|wired|gave|deposited|settled|topped|handed|returned)\b"
    r"|\b(?:tranche|grant|donation|donated|income|deposit|sale|sales|dues|offering|offerings"
    r"|fundraiser|chip in|chipped in|per diem)\b|\b(?:landed|came in|arrived)\b|\bgave (?:us|me)\b"
    r"|\b(?:check(?:ed)?|chkd) out\b"
    r"|\b(?:sold|selling)\b|\b(?:returned|paid back|gave back)\s+(?:the\s+)?[$0-9]"
    r"|\b(?:transferred|wired|sent)\s+(?:us\s+)?[$0-9]|\b(?:via|through|by)\s+(?:aba|acleda|wing|bank)\b.*\b(?:sent|received|came)\b"
    r"|\bput it in the (?:drawer|box)\b"
    r"|ទទួលបាន|ទទួលលុយ|ទទួលប្រាក់|បានទទួល|ផ្ទេរលុយមក|ផ្ទេរមក|លុយចូល"
    r"|(?:ម្តាយ|ម្ដាយ|ឪពុក|អាណាព្យាបាល|អតិថិជន|ម្ចាស់ជំនួយ|សិស្ស|ភ្ញៀវ|ថៅកែ)[^\n]{0,30}(?:បង់|ផ្ទេរ|ឲ្យ|អោយ|ផ្ញើ)"
    r"|(?<!អ្នក)លក់|សងលុយ|សងប្រាក់|ប្រាក់កក់|លុយកក់|ឲ្យលុយមក|អោយលុយមក|ឧបត្ថម្ភ|តង្វាយ|បរិច្ចាគ|លុយអាប់"
    r"|មកដាក់វិញ|អ្នកជំងឺ",
    re.IGNORECASE,
)
# Talk of prices: what a thing costs now, elsewhere, or should cost; an exchange rate.
_PRICE_TALK = re.compile(
    r"\b(?:price|prices|priced|went up|gone up|going up|increased|too expensive|so expensive|cheaper|pricier"
    r"|exchange rate|at the exchange|normal price|is it normal|how much is|only [$0-9][^ ]* there)\b"
    r"|\b1\s*(?:\$|usd|dollar)\s*=\s*[0-9]"
    r"|\bhow much (?:is|are|does|do|for)\b|ថ្លៃប៉ុន្មាន|តម្លៃប៉ុន្មាន|ប៉ុន្មានដែរ"
    r"|\blast time\b|\bnow (?:it'?s|they)\b|\bsells? (?:it|them) for\b"
    r"|\bis \$?[0-9][^ ]*(?: usd| riel|\$)? there\b"
    r"|\bat [a-z]+(?: [a-z]+)? (?:it'?s|they'?re|is|are)\b|លើកមុន|ឥឡូវគេ|គេយក|សព្វថ្ងៃ|មែនអត់|មែនទេ|ឡើងឈ្នួល"
    r"|ហាង\S{0,12}\s*ដាក់|ឲ្យតែ|តថ្លៃ|ក្នុងមួយដង|កំណត់"
    r"|ឡើងថ្លៃ|ថ្លៃពេក|ថោកជាង|ថ្លៃជាង|ថ្លៃម្លេះ|តម្លៃ|ធម្មតាទេ|ម៉េចដែរ|អត្រា|ប្តូរប្រាក់|ប្ដូរប្រាក់",
    re.IGNORECASE,
)
# Asking someone to buy, saying what is needed, planning: no money has gone yet.
_REQUEST_OR_PLAN = re.compile(
    r"^\s*(?:pls|plz|please)\b|\bnew one\b"
    r"|^\s*(?:can|could|would|shall)\s+(?:you|u|we|i|someone|somebody|anyone|he|she|they)\b"
    r"|\b(?:need|needs|needed) (?:to buy|new|a|an|more|some)\b"
    r"|\bwe need\b|\bbudget\b|\b(?:next (?:week|month|time)|tomorrow|later|will|gonna"
    r"|going to|plan|planning|thinking of|thinking about|let'?s|maybe|might"
    r"|from (?:january|february|march|april|may|june|july|august|september|october|november|december|next))\b"
    r"|^\s*(?:ask|bring|order|buy|send|go|pick|get|tell|call|remember|make sure)\b"
    r"|^\s*[a-z]+\s+(?:pls|plz|please)\b|\b(?:ask|tell)\s+(?:the|him|her|them)\b|\btake [$0-9][^ ]* from\b"
    r"|[0-9]\$?ish\b"
    r"|តោះ|ត្រៀម|ទុកបង់|ទុកសិន|ចាំគាត់|ឆ្លៀត|មកផង|ផងណា|សុំបញ្ជាទិញ|បញ្ជាទិញ|ប្រហែលជា"
    r"|ត្រូវទិញ|ត្រូវការ|សុំលុយ|ជួយទិញ|ទិញផង|ស្អែក|ខែក្រោយ|សប្តាហ៍ក្រោយ|អាទិត្យក្រោយ|នឹងទិញ|នឹងបង់|ចង់ទិញ|គួរ",
    re.IGNORECASE,
)
# Pay rates and salaries talked about, not paid out of the box.
_PAY_RATE = re.compile(
    r"\b(?:per hour|an hour|hourly|ot|class fee|room rate)\b"
    r"|ម៉ោងមួយ|ក្នុងមួយម៉ោង|មួយយប់",
    re.IGNORECASE,
)


# Verbs of talk about money in the present, or of others' doings: a report of money spent has none
# ("sugar is 4800 a kilo now", "the laundry lady says 27$", "the foundation sent 3,500 usd").
_TALK = re.compile(
    r"\b(?:is|are|isn't|aren't|has|have|does|do|says|said|wants|asks|asking|goes|comes|runs|shows|sells|sold"
    r"|charges|charging|needs|keeps|sent|left|quoted|offers|offered|agreed)\b|\bit'?s\b",
    re.IGNORECASE,
)
# A joke, a story, or something one would do: no money went.
_JOKE = re.compile(r"\b(?:jk|kidding|i'?d pay|i would)\b|💀|កាលពីក្មេង|កាលពីមុន")
# A question put to the group about money, rather than a report of it.
_NOT_A_REPORT = re.compile(r"\?\s*\S*\s*$")
# A Khmer question ends on its particle: "… ហើយឬនៅ?", "… មែនទេ?".
_KHMER_QUESTION = re.compile(r"(?:ឬនៅ|ឬអត់|ឬទេ|មែនទេ|អត់|ទេ|ទៅ|ណា)\s*\?\s*$")


def tells_of_no_spending(text: str) -> bool:
    """Whether a message with an amount tells of money not spent: a bill or a quote still to pay,
    money received, prices talked about, a request or a plan, a pay rate. A message saying the
    money was paid is spending whatever else it says ("paid the invoice 1200$")."""
    if _RECEIVED.search(text):
        return True
    if _PAID.search(text):
        return False
    telling = (_DUE, _PRICE_TALK, _REQUEST_OR_PLAN, _PAY_RATE, _TALK, _JOKE, _KHMER_QUESTION)
    if any(pattern.search(text) for pattern in telling):
        return True
    return len(text.split()) > _WORDS_OF_A_NOTE and _NOT_A_REPORT.search(text) is not None


_WORDS_OF_A_NOTE = 5  # "coffee 3$?" may still be a note with a doubt; a longer question is talk
