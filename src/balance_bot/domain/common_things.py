"""The common things teams of many kinds buy, in English, Khmer and romanised Khmer, for matching items."""

# Each the same thing as members write it: the first is the name it goes by, then its plurals and
# variants, its Khmer words and the Khmer typed in Latin letters on a phone without a Khmer keyboard.
# A workshop's, a tailor's, a canteen's, a farm's, a clinic's, an office's, a school's, a fishing
# crew's and an event's things; the vehicles, bills and site materials are in same_things.
COMMON_THINGS = (
    # a tailor's or a workshop's
    ("thread", "threads", "អំបោះ", "ombos", "ambos"),
    ("fabric", "fabrics", "cloth", "textile", "ក្រណាត់", "kronat", "kranat"),
    ("button", "ឡេវ", "ឡេវអាវ"),
    ("zipper", "zip", "zips", "zippers", "រ៉ូត", "ហ្ស៊ីប"),
    ("needle", "ម្ជុល", "mjul"),
    ("needle threader", "threader", "ឧបករណ៍ស៊កម្ជុល"),
    ("sewing machine", "ម៉ាស៊ីនដេរ"),
    ("sewing machine oil", "ប្រេងម៉ាស៊ីនដេរ"),
    ("scissors", "scissor", "កន្ត្រៃ", "kantray", "kontray", "kanteay"),
    ("chalk", "tailor chalk", "ដីស"),
    ("clothes iron", "steam iron", "ឆ្នាំងអ៊ុត"),
    ("elastic", "elastic band", "ខ្សែយឺត"),
    ("measuring tape", "tape measure", "ម៉ែត្រវាស់"),
    ("uniform", "ឯកសណ្ឋាន"),
    ("shoe", "ស្បែកជើង"),
    # a canteen's or a kitchen's
    ("egg", "eggs", "ពង", "ពងទា", "pong", "pong tea", "pong mon", "ពងក្រួច"),
    ("cabbage", "ស្ពៃក្ដោប", "ស្ពៃក្តោប"),
    ("cucumber", "ត្រសក់"),
    ("tomato", "ប៉េងប៉ោះ"),
    ("potato", "ដំឡូងបារាំង"),
    ("sweet potato", "ដំឡូងជ្វា"),
    ("carrot", "ការ៉ុត"),
    ("ginger", "ខ្ញី"),
    ("lemongrass", "ស្លឹកគ្រៃ"),
    ("black pepper", "pepper", "ម្រេច"),
    ("msg", "ម្សៅស៊ុប", "ប៊ីចេង"),
    ("bean", "សណ្ដែក", "សណ្តែក"),
    ("green onion", "spring onion", "ស្លឹកខ្ទឹម"),
    ("chopsticks", "chopstick", "ចង្កឹះ"),
    ("pan", "ខ្ទះ"),
    ("knife", "កាំបិត"),
    ("cook", "chef", "ចុងភៅ"),
    ("wage", "wages", "ប្រាក់ឈ្នួល", "ឈ្នួល", "ថ្លៃឈ្នួល"),
    ("rent", "house rent", "ថ្លៃជួលផ្ទះ", "ជួលផ្ទះ", "ថ្លៃជួល", "ថ្លៃផ្ទះ"),
    ("coffee", "kafe", "kafeh"),
    ("fuel", "preng sang", "breng sang", "fill petrol", "fill fuel", "filled petrol"),
    ("ice", "tek kok", "teuk kork"),
    # a farm's or a fishing crew's
    ("fertilizer", "fertiliser", "ជីគីមី", "ជីកំប៉ុស", "ជីលាមកសត្វ"),
    ("seed", "seeds", "គ្រាប់ពូជ", "ពូជ"),
    ("pesticide", "ថ្នាំកសិកម្ម", "ថ្នាំសម្លាប់សត្វល្អិត"),
    ("animal feed", "chicken feed", "pig feed", "fish feed", "ចំណីសត្វ", "ចំណីមាន់", "ចំណីជ្រូក", "ចំណីត្រី"),
    ("hose", "ទុយោ"),
    ("fishing net", "net", "អួន", "សំណាញ់"),
    ("fish hook", "hook", "សន្ទូច"),
    ("boat", "ទូក"),
    # a clinic's
    ("bandage", "gauze", "បង់រុំ"),
    ("syringe", "ស៊ីរ៉ាំង", "ម្ជុលចាក់ថ្នាំ"),
    ("cotton wool", "សំឡី"),
    ("alcohol", "rubbing alcohol", "អាល់កុល"),
    ("thermometer", "ទែម៉ូម៉ែត្រ"),
    # an office's or a school's
    ("tape", "sellotape", "scotch tape", "ស្កុត"),
    ("glue", "កាវ"),
    ("ruler", "បន្ទាត់"),
    ("calculator", "ម៉ាស៊ីនគិតលេខ"),
    ("notebook", "សៀវភៅសរសេរ"),
    ("eraser", "ជ័រលុប"),
    # an event's
    ("tent", "តង់"),
    ("sound system", "speaker", "ឧបករណ៍បំពងសំឡេង"),
    ("decoration", "decorations", "តុបតែង", "គ្រឿងតុបតែង"),
    # a garage's
    ("screwdriver", "ទួណឺវីស"),
    ("gear oil", "transmission oil", "ប្រេងប្រអប់លេខ"),
    ("paint", "spray paint"),
)  # fmt: skip
