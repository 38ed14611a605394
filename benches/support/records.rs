//! Realistic records for every provider, generated deterministically: about
//! 600 bytes each, two identifiers (an email and a phone), custom
//! properties, and phones from sixteen countries, written as users write
//! them (international with spaces, or national and read in the record's
//! country) so that phone parsing meets real multi-country traffic.
//!
//! Shared by the benches and the `generate` example through `#[path]`; not
//! part of the library.

#![allow(dead_code)] // each includer uses a part

use omnicontact::Provider;

/// The five providers, in the crate's order.
pub const PROVIDERS: [Provider; 5] = [
    Provider::Omnisend,
    Provider::Sendios,
    Provider::RocketChat,
    Provider::Suprsend,
    Provider::Raia,
];

/// One country's data: alpha-2, alpha-3, city, postal code, language, IANA
/// zone, an international mobile number and a national one (read in the
/// country), both without their last digit.
struct Country {
    alpha2: &'static str,
    alpha3: &'static str,
    city: &'static str,
    postal: &'static str,
    language: &'static str,
    zone: &'static str,
    international: &'static str,
    national: &'static str,
}

const COUNTRIES: [Country; 16] = [
    Country {
        alpha2: "US",
        alpha3: "USA",
        city: "Newark",
        postal: "07102",
        language: "en",
        zone: "America/New_York",
        international: "+1 201-555-012",
        national: "(201) 555-012",
    },
    Country {
        alpha2: "GB",
        alpha3: "GBR",
        city: "London",
        postal: "SW1A 1AA",
        language: "en",
        zone: "Europe/London",
        international: "+44 7400 12345",
        national: "07400 12345",
    },
    Country {
        alpha2: "DE",
        alpha3: "DEU",
        city: "Berlin",
        postal: "10115",
        language: "de",
        zone: "Europe/Berlin",
        international: "+49 1512 345678",
        national: "01512 345678",
    },
    Country {
        alpha2: "FR",
        alpha3: "FRA",
        city: "Paris",
        postal: "75001",
        language: "fr",
        zone: "Europe/Paris",
        international: "+33 6 12 34 56 7",
        national: "06 12 34 56 7",
    },
    Country {
        alpha2: "LT",
        alpha3: "LTU",
        city: "Vilnius",
        postal: "01100",
        language: "lt",
        zone: "Europe/Vilnius",
        international: "+370 612 3456",
        national: "8 612 3456",
    },
    Country {
        alpha2: "ES",
        alpha3: "ESP",
        city: "Madrid",
        postal: "28001",
        language: "es",
        zone: "Europe/Madrid",
        international: "+34 612 34 56 7",
        national: "612 34 56 7",
    },
    Country {
        alpha2: "IT",
        alpha3: "ITA",
        city: "Roma",
        postal: "00184",
        language: "it",
        zone: "Europe/Rome",
        international: "+39 312 345 678",
        national: "312 345 678",
    },
    Country {
        alpha2: "BR",
        alpha3: "BRA",
        city: "São Paulo",
        postal: "01310-100",
        language: "pt",
        zone: "America/Sao_Paulo",
        international: "+55 11 96123-456",
        national: "(11) 96123-456",
    },
    Country {
        alpha2: "IN",
        alpha3: "IND",
        city: "Mumbai",
        postal: "400001",
        language: "hi",
        zone: "Asia/Kolkata",
        international: "+91 81234 5678",
        national: "081234 5678",
    },
    Country {
        alpha2: "JP",
        alpha3: "JPN",
        city: "Tokyo",
        postal: "100-0001",
        language: "ja",
        zone: "Asia/Tokyo",
        international: "+81 90-1234-567",
        national: "090-1234-567",
    },
    Country {
        alpha2: "AU",
        alpha3: "AUS",
        city: "Sydney",
        postal: "2000",
        language: "en",
        zone: "Australia/Sydney",
        international: "+61 412 345 67",
        national: "0412 345 67",
    },
    Country {
        alpha2: "PL",
        alpha3: "POL",
        city: "Warszawa",
        postal: "00-001",
        language: "pl",
        zone: "Europe/Warsaw",
        international: "+48 512 345 67",
        national: "512 345 67",
    },
    Country {
        alpha2: "NL",
        alpha3: "NLD",
        city: "Amsterdam",
        postal: "1011 AB",
        language: "nl",
        zone: "Europe/Amsterdam",
        international: "+31 6 1234567",
        national: "06 1234567",
    },
    Country {
        alpha2: "SE",
        alpha3: "SWE",
        city: "Stockholm",
        postal: "111 22",
        language: "sv",
        zone: "Europe/Stockholm",
        international: "+46 70 123 45 6",
        national: "070-123 45 6",
    },
    Country {
        alpha2: "MX",
        alpha3: "MEX",
        city: "Puebla",
        postal: "72000",
        language: "es",
        zone: "America/Mexico_City",
        international: "+52 222 123 456",
        national: "222 123 456",
    },
    Country {
        alpha2: "ZA",
        alpha3: "ZAF",
        city: "Cape Town",
        postal: "8001",
        language: "en",
        zone: "Africa/Johannesburg",
        international: "+27 71 123 456",
        national: "071 123 456",
    },
];

const FIRST: [&str; 8] = [
    "Jane", "Oliver", "Amelia", "Lukas", "Sofía", "Kenji", "Priya", "Noah",
];
const LAST: [&str; 8] = [
    "Doe", "Smith", "Clarke", "Müller", "García", "Tanaka", "Sharma", "Kowalski",
];
const PLANS: [&str; 4] = ["free", "starter", "pro", "enterprise"];

/// Everything a record is made of, chosen from `i`.
struct Person {
    i: usize,
    first: &'static str,
    last: &'static str,
    country: &'static Country,
    /// The phone as written: international for even `i`, national for odd.
    phone: String,
    /// Whether `phone` is national (needs the country to be read).
    national: bool,
    email: String,
    plan: &'static str,
}

impl Person {
    fn new(i: usize) -> Person {
        let country = &COUNTRIES[i % COUNTRIES.len()];
        let first = FIRST[i % FIRST.len()];
        let last = LAST[(i / 3) % LAST.len()];
        let national = (i / COUNTRIES.len()) % 2 == 1;
        let digit = i % 10;
        let phone = if national {
            format!("{}{digit}", country.national)
        } else {
            format!("{}{digit}", country.international)
        };
        let email = format!(
            "{}.{}{i}@Example-{}.COM",
            ascii(first),
            ascii(last),
            country.alpha2
        );
        Person {
            i,
            first,
            last,
            country,
            phone,
            national,
            email,
            plan: PLANS[i % PLANS.len()],
        }
    }

    /// A date in 2019–2024 picked from `i`, as `YYYY-MM-DD`.
    fn date(&self, salt: usize) -> String {
        let n = self.i.wrapping_mul(7919).wrapping_add(salt);
        format!(
            "{}-{:02}-{:02}",
            2019 + n % 6,
            1 + (n / 6) % 12,
            1 + (n / 72) % 28
        )
    }

    /// A time of day picked from `i`, as `HH:MM:SS`.
    fn time(&self) -> String {
        let n = self.i.wrapping_mul(104_729);
        format!("{:02}:{:02}:{:02}", n % 24, (n / 24) % 60, (n / 1440) % 60)
    }
}

/// The ASCII letters of a name, lower-cased (for email local parts).
fn ascii(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// JSON string literal.
fn q(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// An Omnisend contact (`POST /v3/contacts`).
pub fn omnisend(i: usize) -> String {
    let p = Person::new(i);
    let c = p.country;
    format!(
        concat!(
            r#"{{"identifiers":[{{"type":"email","id":{email},"channels":{{"email":{{"status":"subscribed","statusDate":"{date}T{time}+02:00"}}}},"sendWelcomeEmail":false}},"#,
            r#"{{"type":"phone","id":{phone},"channels":{{"sms":{{"status":"nonSubscribed"}}}}}}],"#,
            r#""firstName":{first},"lastName":{last},"createdAt":"{created}T{time}Z","tags":["source: shopify","plan: {plan}","newsletter"],"#,
            r#""countryCode":"{cc}","city":{city},"postalCode":"{postal}","gender":"{gender}","birthdate":"{birth}","#,
            r#""customProperties":{{"loyaltyPoints":{points},"plan":"{plan}","married":{married},"favoriteColors":["blue","green"],"lastOrderDate":"{order}"}}}}"#
        ),
        email = q(&p.email),
        date = p.date(1),
        time = p.time(),
        phone = q(&p.phone),
        first = q(p.first),
        last = q(p.last),
        created = p.date(2),
        plan = p.plan,
        cc = c.alpha2,
        city = q(c.city),
        postal = c.postal,
        gender = if i.is_multiple_of(2) { "f" } else { "m" },
        birth = birthdate(i),
        points = (i * 37) % 5000,
        married = i.is_multiple_of(3),
        order = p.date(3),
    )
}

/// A Sendios omnichannel user.
pub fn sendios(i: usize) -> String {
    let p = Person::new(i);
    let c = p.country;
    format!(
        concat!(
            r#"{{"client_user_id":"crm-{i}","name":{name},"email":{email},"phone":{phone},"language":"{lang}","#,
            r#""country":"{cc}","platform_id":"{platform}","gender":"{gender}","vip":{vip},"age":{age},"#,
            r#""registration_date":"{date} {time}","app_push_token":"{token}","#,
            r#""fields":{{"plan":"{plan}","seats":{seats},"city":{city},"postal_code":"{postal}","newsletter":"weekly","referrer":"partner-{ref}","#,
            r#""last_order_date":"{order}","lifetime_value":{value},"favorite_category":"{category}","utm_campaign":"spring-sale-{year}"}}}}"#
        ),
        i = i,
        name = q(&format!("{} {}", p.first, p.last)),
        email = q(&p.email),
        phone = q(&p.phone),
        lang = p.country.language.to_ascii_uppercase(),
        cc = if i.is_multiple_of(2) {
            c.alpha2
        } else {
            c.alpha3
        },
        platform = 1 + i % 4,
        gender = if i.is_multiple_of(2) { "F" } else { "M" },
        vip = i.is_multiple_of(5),
        age = 18 + i % 60,
        date = p.date(4),
        time = p.time(),
        token = token(i),
        plan = p.plan,
        seats = 1 + i % 20,
        city = q(c.city),
        postal = c.postal,
        r#ref = i % 97,
        order = p.date(8),
        value = (i * 131) % 10_000,
        category = ["garden", "cooking", "books", "music"][i % 4],
        year = 2019 + i % 6,
    )
}

/// A Rocket.Chat omnichannel contact (`POST /api/v1/omnichannel/contacts`).
pub fn rocketchat(i: usize) -> String {
    let p = Person::new(i);
    let c = p.country;
    // Rocket.Chat has no country member: national numbers are written in
    // international form here.
    let phone = if p.national {
        format!("{}{}", c.international, i % 10)
    } else {
        p.phone.clone()
    };
    format!(
        concat!(
            r#"{{"name":{name},"emails":[{email},{work}],"phones":[{phone}],"#,
            r#""customFields":{{"plan":"{plan}","city":{city},"country":"{cc}","postalCode":"{postal}","language":"{lang}","timezone":"{zone}","#,
            r#""source":"website-chat","signupDate":"{date}","accountManager":"agent-{agent}","segment":"{segment}","#,
            r#""company":"{last} & Partners {cc}","jobTitle":"Head of Operations","notes":"Asked about the {plan} plan; prefers email, then phone.","lastOrderDate":"{order}","utmCampaign":"spring-sale-{year}"}}}}"#
        ),
        name = q(&format!("{} {}", p.first, p.last)),
        email = q(&p.email),
        work = q(&format!("{}@work{}.example.org", ascii(p.last), i % 50)),
        phone = q(&phone),
        plan = p.plan,
        city = q(c.city),
        cc = c.alpha2,
        postal = c.postal,
        lang = c.language,
        zone = c.zone,
        date = p.date(5),
        agent = i % 12,
        segment = ["retail", "wholesale", "partner"][i % 3],
        last = ascii(p.last),
        order = p.date(9),
        year = 2019 + i % 6,
    )
}

/// A SuprSend user (the body of `POST /v1/user/{distinct_id}/`).
pub fn suprsend(i: usize) -> String {
    let p = Person::new(i);
    let c = p.country;
    // SuprSend reads phones in the default region only: international form.
    let phone = format!("{}{}", c.international, i % 10);
    format!(
        concat!(
            r#"{{"$email":[{email}],"$sms":[{phone}],"$whatsapp":[{phone}],"#,
            r#""$timezone":"{zone}","$preferred_language":"{lang}","#,
            r#""name":{name},"plan":"{plan}","city":{city},"country":"{cc}","signup_date":"{date}","#,
            r#""seats":{seats},"newsletter":{news},"referrer":"partner-{ref}","segment":"{segment}","#,
            r#""postal_code":"{postal}","company":"{company} & Partners","job_title":"Head of Operations","favorite_category":"{category}","#,
            r#""last_order_date":"{order}","lifetime_value":{value},"utm_campaign":"spring-sale-{year}","app_version":"4.{minor}.0"}}"#
        ),
        email = q(&p.email),
        phone = q(&phone),
        zone = c.zone,
        lang = c.language,
        name = q(&format!("{} {}", p.first, p.last)),
        plan = p.plan,
        city = q(c.city),
        cc = c.alpha2,
        date = p.date(6),
        seats = 1 + i % 20,
        news = i.is_multiple_of(2),
        r#ref = i % 97,
        segment = ["retail", "wholesale", "partner"][i % 3],
        postal = c.postal,
        company = ascii(p.last),
        category = ["garden", "cooking", "books", "music"][i % 4],
        order = p.date(10),
        value = (i * 131) % 10_000,
        year = 2019 + i % 6,
        minor = i % 30,
    )
}

/// A raia user (`POST /external/users`).
pub fn raia(i: usize) -> String {
    let p = Person::new(i);
    let c = p.country;
    let phone = format!("{}{}", c.international, i % 10);
    format!(
        concat!(
            r#"{{"firstName":{first},"lastName":{last},"email":{email},"phoneNumber":{phone},"#,
            r#""context":"Asked about the {plan} plan on {date}; prefers email.","source":"webchat","fkId":"crm-{i}","fkUserId":"{user}","#,
            r#""customData":{{"plan":"{plan}","city":{city},"country":"{cc}","language":"{lang}","timezone":"{zone}","seats":{seats},"#,
            r#""postalCode":"{postal}","company":"{company} & Partners","jobTitle":"Head of Operations","lastOrderDate":"{order}","#,
            r#""lifetimeValue":{value},"utmCampaign":"spring-sale-{year}","segment":"{segment}"}}}}"#
        ),
        first = q(p.first),
        last = q(p.last),
        email = q(&p.email),
        phone = q(&phone),
        plan = p.plan,
        date = p.date(7),
        i = i,
        user = 100_000 + i,
        city = q(c.city),
        cc = c.alpha2,
        lang = c.language,
        zone = c.zone,
        seats = 1 + i % 20,
        postal = c.postal,
        company = ascii(p.last),
        order = p.date(11),
        value = (i * 131) % 10_000,
        year = 2019 + i % 6,
        segment = ["retail", "wholesale", "partner"][i % 3],
    )
}

/// The record `i` for `provider` (the create operation's body).
pub fn record(provider: Provider, i: usize) -> String {
    match provider {
        Provider::Sendios => sendios(i),
        Provider::RocketChat => rocketchat(i),
        Provider::Suprsend => suprsend(i),
        Provider::Raia => raia(i),
        _ => omnisend(i),
    }
}

/// A birth date between 1950 and 2005.
fn birthdate(i: usize) -> String {
    let n = i.wrapping_mul(2_654_435_761);
    format!(
        "{}-{:02}-{:02}",
        1950 + n % 56,
        1 + (n / 56) % 12,
        1 + (n / 672) % 28
    )
}

/// A 64-hex-digit APNs-style device token.
fn token(i: usize) -> String {
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::with_capacity(64);
    for _ in 0..4 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push_str(&format!("{x:016x}"));
    }
    out
}
