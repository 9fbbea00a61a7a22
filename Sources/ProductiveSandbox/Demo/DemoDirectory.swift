/// The fixed cast of the demo data: the organization's own team and ~60 client companies, each
/// with the language its people write in.
enum DemoDirectory {
    enum Language: Sendable, Hashable {
        case english, german, croatian, japanese, chinese
    }

    struct Company: Sendable {
        var name: String
        var domain: String
        var language: Language
    }

    /// The organization whose inbox this is; its people receive the mail.
    static let organizationDomain = "lumen-agency.com"
    static let team: [(name: String, local: String)] = [
        ("Ivana Kovač", "ivana.kovac"), ("Marko Babić", "marko.babic"), ("Lucija Novak", "lucija.novak"),
        ("Tomislav Jurić", "tomislav.juric"), ("Sara Perić", "sara.peric"), ("Filip Matić", "filip.matic"),
        ("Ema Vuković", "ema.vukovic"), ("Luka Knežević", "luka.knezevic"),
    ]

    static let companies: [Company] = [
        Company(name: "Kvarner Hotels d.o.o.", domain: "kvarner-hotels.hr", language: .croatian),
        Company(name: "Müller GmbH", domain: "mueller-gmbh.de", language: .german),
        Company(name: "Acme Corporation", domain: "acme.com", language: .english),
        Company(name: "Nordlicht Design AG", domain: "nordlicht-design.de", language: .german),
        Company(name: "Adriatic Ventures", domain: "adriatic-ventures.com", language: .english),
        Company(name: "Sakura Trading", domain: "sakura-trading.co.jp", language: .japanese),
        Company(name: "Greenfield Organics", domain: "greenfield-organics.com", language: .english),
        Company(name: "Dalmacija Vina", domain: "dalmacija-vina.hr", language: .croatian),
        Company(name: "Bäckerei Schäfer", domain: "baeckerei-schaefer.de", language: .german),
        Company(name: "Blue Harbor Logistics", domain: "blueharbor.io", language: .english),
        Company(name: "Pixel & Partners", domain: "pixelpartners.co.uk", language: .english),
        Company(name: "Zagreb Tech Hub", domain: "zagrebtechhub.hr", language: .croatian),
        Company(name: "Lotus Garden 蓮園", domain: "lotusgarden.cn", language: .chinese),
        Company(name: "Alpine Sports KG", domain: "alpine-sports.at", language: .german),
        Company(name: "Northwind Traders", domain: "northwind.example", language: .english),
        Company(name: "Istra Olive Oil", domain: "istra-olive.hr", language: .croatian),
        Company(name: "Brightline Media", domain: "brightline.media", language: .english),
        Company(name: "Fjord Analytics", domain: "fjord-analytics.no", language: .english),
        Company(name: "Tokyo Robotics 東京ロボティクス", domain: "tokyo-robotics.jp", language: .japanese),
        Company(name: "Weber & Söhne", domain: "weber-soehne.de", language: .german),
        Company(name: "Riverbend Clinic", domain: "riverbendclinic.org", language: .english),
        Company(name: "Podravka Foods", domain: "podravka-foods.hr", language: .croatian),
        Company(name: "Quantum Leap Software", domain: "quantumleap.dev", language: .english),
        Company(name: "Golden Dragon Tea 金龙茶业", domain: "goldendragontea.cn", language: .chinese),
        Company(name: "Helvetia Uhren SA", domain: "helvetia-uhren.ch", language: .german),
        Company(name: "Copperleaf Architects", domain: "copperleaf.archi", language: .english),
        Company(name: "Split Marina", domain: "split-marina.hr", language: .croatian),
        Company(name: "Evergreen Property Group", domain: "evergreen-pg.com", language: .english),
        Company(name: "Kyoto Ceramics 京都陶器", domain: "kyoto-ceramics.jp", language: .japanese),
        Company(name: "Hansa Versicherung", domain: "hansa-versicherung.de", language: .german),
        Company(name: "Silverline Fitness", domain: "silverline.fit", language: .english),
        Company(name: "Osijek Agro", domain: "osijek-agro.hr", language: .croatian),
        Company(name: "Maple Street Bakery", domain: "maplestreetbakery.ca", language: .english),
        Company(name: "Rheinland Solar", domain: "rheinland-solar.de", language: .german),
        Company(name: "Harbor Lights Festival", domain: "harborlights.events", language: .english),
        Company(name: "Shanghai Silk Road 丝路贸易", domain: "silkroad-trade.cn", language: .chinese),
        Company(name: "Velebit Outdoor", domain: "velebit-outdoor.hr", language: .croatian),
        Company(name: "Clearwater Legal LLP", domain: "clearwaterlegal.com", language: .english),
        Company(name: "Schwarzwald Reisen", domain: "schwarzwald-reisen.de", language: .german),
        Company(name: "Atlas Robotics", domain: "atlas-robotics.ai", language: .english),
        Company(name: "Pula Film Festival", domain: "pulafilmfestival.hr", language: .croatian),
        Company(name: "Summit Health Partners", domain: "summithealth.com", language: .english),
        Company(name: "Osaka Foods 大阪フーズ", domain: "osaka-foods.jp", language: .japanese),
        Company(name: "Bergmann Maschinenbau", domain: "bergmann-mb.de", language: .german),
        Company(name: "Lighthouse Education", domain: "lighthouse.edu", language: .english),
        Company(name: "Rijeka Port Authority", domain: "portofrijeka.hr", language: .croatian),
        Company(name: "Crimson Fox Studios", domain: "crimsonfox.studio", language: .english),
        Company(name: "Wiener Kaffeehaus", domain: "wiener-kaffeehaus.at", language: .german),
        Company(name: "Pacific Rim Imports", domain: "pacificrim-imports.com", language: .english),
        Company(name: "Zadar Sun Resorts", domain: "zadarsun.hr", language: .croatian),
        Company(name: "Orbital Payments", domain: "orbitalpay.io", language: .english),
        Company(name: "Jade Mountain 玉山科技", domain: "jademountain.tw", language: .chinese),
        Company(name: "Lindqvist Möbel", domain: "lindqvist-moebel.se", language: .german),
        Company(name: "Oakridge Manufacturing", domain: "oakridge-mfg.com", language: .english),
        Company(name: "Slavonija Banka", domain: "slavonija-banka.hr", language: .croatian),
        Company(name: "Starlight Cinemas", domain: "starlightcinemas.com", language: .english),
        Company(name: "Frankfurter Messe Service", domain: "ffm-messe-service.de", language: .german),
        Company(name: "Hokkaido Dairy 北海道乳業", domain: "hokkaido-dairy.jp", language: .japanese),
        Company(name: "Meridian Travel", domain: "meridian.travel", language: .english),
        Company(name: "Brač Stone Works", domain: "brac-stone.hr", language: .croatian),
    ]

    /// (display name, mailbox local part) pools per language.
    static func people(_ language: Language) -> [(name: String, local: String)] {
        switch language {
        case .english: [
            ("Emily Carter", "emily.carter"), ("James O'Neill", "james.oneill"), ("Olivia Bennett", "olivia"),
            ("Michael Chen", "m.chen"), ("Sophie Turner", "sophie.turner"), ("Daniel Brooks", "dbrooks"),
            ("Hannah Walsh", "hannah.walsh"), ("Ryan Patel", "ryan.patel"), ("Grace Kim", "grace"),
            ("Noah Fischer", "noah.fischer"), ("Chloe Martin", "chloe.martin"), ("Ethan Hughes", "ethan"),
        ]
        case .german: [
            ("Jürgen Müller", "j.mueller"), ("Katrin Schäfer", "katrin.schaefer"), ("Stefan Weiß", "stefan.weiss"),
            ("Anja Becker", "a.becker"), ("Lukas Hoffmann", "lukas.hoffmann"), ("Sabine Krüger", "sabine.krueger"),
            ("Matthias Wagner", "m.wagner"), ("Julia Schmitt", "julia.schmitt"), ("Florian Groß", "florian.gross"),
        ]
        case .croatian: [
            ("Ana Horvat", "ana.horvat"), ("Ivan Kovačević", "ivan.kovacevic"), ("Petra Marić", "petra.maric"),
            ("Josip Šimić", "josip.simic"), ("Maja Tomić", "maja.tomic"), ("Nikola Pavlović", "nikola.pavlovic"),
            ("Kristina Božić", "kristina.bozic"), ("Dario Grgić", "dario.grgic"), ("Mia Radić", "mia.radic"),
        ]
        case .japanese: [
            ("田中 裕子", "yuko.tanaka"), ("佐藤 健", "ken.sato"), ("鈴木 美咲", "misaki.suzuki"),
            ("Hiroshi Yamamoto", "h.yamamoto"), ("高橋 直樹", "naoki.takahashi"), ("Aiko Watanabe", "aiko.watanabe"),
        ]
        case .chinese: [
            ("王 芳", "fang.wang"), ("李 伟", "wei.li"), ("张 敏", "min.zhang"),
            ("Chen Jing", "jing.chen"), ("刘 洋", "yang.liu"), ("Zhao Lei", "lei.zhao"),
        ]
        }
    }

    /// How a deal names its company: at most two words, without the legal form and without
    /// what follows `&`, so "Weber & Söhne" is "Weber" and "Kvarner Hotels d.o.o." "Kvarner Hotels".
    static func shortName(of company: String) -> String {
        let legalForms: Set<Substring> = ["d.o.o.", "GmbH", "AG", "KG", "SA", "LLP", "Corporation", "Group"]
        let words = company.split(separator: " ").prefix { $0 != "&" && !legalForms.contains($0) }
        return words.prefix(2).joined(separator: " ")
    }

    /// Shared mailboxes that send without a display name.
    static let namelessMailboxes = ["billing", "noreply", "info", "accounts", "office"]

    static let projects = [
        "website relaunch", "brand refresh", "mobile app", "Q3 campaign", "intranet", "online shop",
        "trade fair stand", "annual report", "newsletter redesign", "booking platform", "SEO audit",
        "video series", "customer portal", "social media retainer", "product launch",
    ]
}
