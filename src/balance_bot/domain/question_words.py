"""The words of a question that carry no subject (how much, this month, ចំណាយ, ប៉ុន្មាន...), and the
framing words thumbs type a letter off: what is left once they are gone names what is asked about."""

from __future__ import annotations

import re

# Words that carry no subject: what remains after them names the purpose asked about.
STOP = frozenset((
    "a", "an", "the", "how", "much", "many", "did", "do", "does", "we", "us", "our", "you", "your",
    "i", "me", "my", "mine", "is", "are", "was", "were", "what", "which", "on", "for", "in", "at",
    "of", "to", "from", "by", "with", "this", "last", "month", "week", "today", "yesterday", "spend",
    "spent", "spending", "total", "cost", "costs", "count", "number", "list", "show", "entries",
    "items", "item", "expenses", "expense", "biggest", "largest", "top", "most", "expensive",
    "highest", "balance", "left", "remaining", "cash", "hand", "box", "sum", "so", "far", "all",
    "been", "has", "have", "please", "tell", "money", "days", "day", "past", "between", "and", "since",
    "until", "during", "pay", "paid", "buy", "bought", "whole", "group", "team's", "team", "details",
    "there", "any", "it", "its", "give", "get", "say", "about", "thing", "things", "stuff", "went", "after",
    "everything", "everyone", "anything", "what's", "times", "time", "whole", "altogether", "overall",
    "usd", "dollar", "dollars", "riel", "riels", "khr", "who", "by", "per", "each", "member", "members",
    "person", "people", "category", "categories", "breakdown", "broken", "down", "kind", "type", "latest",
    "newest", "recent", "one", "row", "petty", "year", "got", "vs", "versus", "compared", "most", "least",
    "purchase", "purchases", "budget", "budgets", "doing", "when", "anyone", "someone", "somebody", "yet",
    "already", "ever", "average", "avg", "daily", "whats", "month's", "week's", "today's", "ride", "trip",
    "price", "percent", "percentage", "share", "proportion", "fraction", "part", "smallest", "cheapest",
    "lowest", "least", "minimum", "expensive", "every", "out", "much", "we've", "i've", "us", "did",
    "priciest", "dearest", "costliest", "max", "maximum", "min", "spender", "spenders", "stuff", "things",
    "spend", "spends", "went", "go", "goes", "bong", "hi", "hello", "hey", "yo", "put", "burned", "burnt",
    "fee", "fees", "charge", "charges", "combined", "together", "us", "4", "guys", "pls", "plz",
    "typical", "typically", "mean", "over", "as", "single", "usually", "normally",
    "come", "came", "comes", "something", "record", "recorded", "logged", "entered",  # 'what did it come to'
    "portion", "buys", "buying", "purchased", "blow", "blew", "blown",  # 'how much did we blow on meat'
    "post", "posted", "still",  # "how many did we post": the entries; "how much is still advanced"
    # what entries are counted as ("how many receipts has Dara put in", "which single payment was the
    # largest"), and how they got in: no subject
    "receipt", "receipts", "entry", "transaction", "transactions", "record", "records", "payment",
    "payments", "amount", "amounts", "log", "logs", "made", "make", "submit", "submitted", "used",
    "roughly", "approximately", "approx", "around", "about", "into", "fill", "fills", "ones", "go", "no",
))  # fmt: skip
# The words that frame a question, a letter off as thumbs type them ('averge', 'yesturday'): read as
# meant, unless the word is one items say. Each is six letters or more, so a slip is told apart.
FRAMING = (
    "average", "expensive", "cheapest", "largest", "biggest", "smallest", "highest", "lowest", "spending",
    "expenses", "expense", "percent", "percentage", "yesterday", "altogether", "spender", "purchases",
    "purchase", "priciest", "costliest", "minimum", "maximum", "proportion", "breakdown", "category",
    "categories", "members", "everyone",
)  # fmt: skip
KHMER_STOP = (
    "ចំណាយអស់", "ចំណាយលើ", "ចំណាយ", "ប៉ុន្មានដង", "ប៉ុន្មានមុខ", "ប៉ុន្មាន", "សរុប", "អស់", "លើ",
    "សម្រាប់", "ខ្ញុំ", "យើង", "បាន", "ទិញ", "តើ", "នៅសល់", "បញ្ជី", "អ្វីខ្លះ", "ធំជាងគេ",
    "ថ្លៃជាងគេ", "លុយ", "ក្រុម", "ថ្ងៃនេះ", "ម្សិលមិញ", "ខែនេះ", "ខែមុន", "សប្តាហ៍នេះ", "សប្ដាហ៍នេះ",
    "អាទិត្យនេះ", "សប្តាហ៍មុន", "សប្ដាហ៍មុន", "អាទិត្យមុន", "ដែរ", "ទេ", "របស់", "ខែ", "ដុល្លារ", "រៀល",
    "ចុងក្រោយ", "ថ្មីបំផុត", "អ្នកណា", "ម្នាក់ៗ", "តាមសមាជិក", "តាមបុគ្គល", "តាមប្រភេទ", "ប្រភេទនីមួយៗ",
    "ប្រភេទណា", "ប្រភេទ", "មានលុយ", "លុយមាន", "ឆ្នាំនេះ", "ឆ្នាំមុន", "ឆ្នាំទៅ", "ច្រើនជាងគេ", "តិចជាងគេ",
    "ច្រើន", "តិច", "ណា", "គេ", "ជាង", "ហើយ", "បង់", "ថ្លៃ", "ពេល", "ឆ្នាំ", "ថ្ងៃទី", "ថវិកា",
    "ជាមធ្យម", "មធ្យម", "ក្នុងមួយថ្ងៃ", "មួយថ្ងៃៗ", "ចាយ", "ចាយលុយ", "អី", "អ្វី", "មើល", "ដែល", "បង្ហាញ",
    "រាយ", "ភាគរយ", "ម្តងៗ", "ម្ដងៗ", "ម្តង", "ម្ដង", "ថោកជាងគេ", "ថោកបំផុត", "តូចជាងគេ", "ការ", "នៃ", "ជិះ",
    "អីខ្លះ", "ខ្លះ", "ហើយឬនៅ", "មួយ", "ប៉ុណ្ណា", "ឲ្យ", "អោយ", "ឱ្យ", "ក្នុង", "នេះ", "នោះ", "ពួកយើង",
    "ថ្ងៃ", "ដង", "ទាំងអស់", "ទៀត", "ពី", "ដល់", "រហូត", "គិត", "ត្រឹម", "មក", "ទៅ", "គ្នា", "រួច", "ប៉ុន្មានហើយ",
    "ចុះ", "វិញ", "បាទ", "ចាស", "សូម", "ប្រាប់", "ផង", "ម៉េច", "យ៉ាងម៉េច", "ដែរឬទេ", "ឬទេ", "អត់", "មាន",
    "ប្រាក់", "តម្លៃ", "ភាគ", "រយ", "ចាក់", "បង", "អូន", "ណាស់", "ម៉ង", "សិន", "កត់", "មុខ", "ស៊ី",
    "ស៊ីលុយ", "បញ្ចូល", "កត់ត្រា", "ចុះ", "គិតមកដល់", "ពេលនេះ", "ដល់ពេលនេះ", "ម្តងណា", "ម្ដងណា", "នរណា",
    "បំផុត", "ចំណាយទាំងអស់", "ប្រចាំ", "ប្រចាំថ្ងៃ", "សួស្តី", "ចេញលុយ", "ចេញ", "ជួរ", "ហាង", "លើកៗ", "មួយលើក",
    "លើក",
    "ខាង", "ជា", "គឺ", "ហ្នឹង", "នឹង", "ដឹង", "អ្នក", "ណាខ្លះ", "ទេឬ", "ប្រហែល", "ប្រើលុយ", "ប្រើ",
    "ទឹកប្រាក់", "ចំនួន", "ជាទូទៅ", "ជាធម្មតា", "យក", "ធំៗ", "ធំ", "ម្នាក់",
    "ប្តូរ", "ប្ដូរ",  # changing a thing ('ប្តូរប្រេងម៉ាស៊ីន', the engine oil changed): what it bought follows
    "បើក", "ទូទាត់", "ជូន",  # paying out ('បើកឈ្នួលកម្មករ', paid the workers' wages), settling, giving
    "ផឹក", "ញ៉ាំ", "ហូប",  # drink, eat: how a thing bought was used ('ផឹកកាហ្វេ', coffee drunk)
    "ខ្ពស់", "ទាប",  # high, low: of the price asked about
    "ម៉ឺន", "ពាន់", "សែន", "លាន",  # how many ten thousands, thousands... of riel: an amount, no purchase
    "ចូល", "កត់ចូល",  # recorded in: "កត់ចំណាយចូលប៉ុន្មានដង", how many entries
    # how members call each other before a name ("បងស្រីលី", "ប្អូនវណ្ណា"): no subject
    "ប្អូន", "បងស្រី", "បងប្រុស", "ប្អូនស្រី", "ប្អូនប្រុស", "អ្នកស្រី", "លោកស្រី",  # not កញ្ញា: Kanha too
)  # fmt: skip
KHMER_STOPS = frozenset(KHMER_STOP)

# Money coming in, which a sheet of spending never holds: what guests or customers paid us, sales,
# income, profit ('ភ្ញៀវបង់លុយមក', guests paid money to us; មក is towards the team).
MONEY_IN = re.compile(
    r"\b(?:income|revenue|earnings|earned|profits?|takings|turnover)\b"
    r"|\b(?:paid|pay|pays|gave|sent|transferred)\s+(?:us|the team|the shop|the office)\b"
    r"|\b(?:bring|brings|brought|bringing)\s+in\b|\bwe\s+(?:received|receive|collected|got paid|earned)\b"
    r"|(?:បង់|ផ្ញើ|ឲ្យ|អោយ|ឱ្យ|ផ្ទេរ)\s?(?:លុយ|ប្រាក់)\s?មក|ទទួល(?:បាន)?\s?(?:លុយ|ប្រាក់)"
    r"|ចំណូល|ចំណេញ|រកបាន|លក់បាន|(?:លុយ|ប្រាក់)\s?ចូល"
)
