//! The words that signal incidents, figures, weapons and targets.
//!
//! Entries are written in ordinary Arabic spelling and normalized once, when
//! the table is first used, with the same normalizer as the text, so they
//! match whatever spelling the article uses (أ/ا, ة/ه, ى/ي, harakat).

use std::collections::{HashMap, HashSet};

use crate::number::FxBuild;
use std::sync::LazyLock;

use crate::normalize::normalize;

/// What a word says about an incident.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Cue {
    /// A word that reports people killed ("قتل", "استشهد", "شهداء").
    Killed,
    /// A word that reports people injured ("أصيب", "جرحى").
    Injured,
    /// A word that reports people displaced ("نزوح", "تهجير").
    Displaced,
    /// A word naming a violent event of the given kind.
    Event(EventKind, Strength),
    /// A weapon.
    Weapon(Weapon),
    /// A target of an attack.
    Target(Target),
    /// A word before a figure that attributes it ("وفق", "حسب").
    SourceMarker,
    /// A word that makes what follows hypothetical or negated.
    Irrealis,
    /// A word that makes an event the object of a statement (condemn,
    /// demand to stop), not a report that it happened.
    Statement,
    /// A word that marks the figure as a total over other incidents.
    Aggregate,
    /// "ارتفع" as in "ارتفع عدد القتلى إلى 8": an updated toll.
    Update,
    /// "بينهم"/"منهم": a breakdown of the figure before it follows.
    Breakdown,
}

impl Cue {
    /// Whether the cue can make an incident: killed, injured, displaced,
    /// an event or a weapon (the cues a blocking phrase takes away).
    pub(crate) fn is_trigger(&self) -> bool {
        matches!(
            self,
            Cue::Killed
                | Cue::Injured
                | Cue::Displaced
                | Cue::Event(..)
                | Cue::Weapon(_)
        )
    }
}

/// How sure a trigger word is that an event happened.
#[derive(Clone, Copy, Debug, Eq, Ord, PartialEq, PartialOrd)]
pub(crate) enum Strength {
    /// A generic word ("الهجمات", "التصعيد") that needs a place and an actor
    /// or a figure to count.
    Weak,
    /// A specific word ("غارة", "قصفت", "اشتباكات").
    Strong,
}

/// The kind of an incident.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EventKind {
    /// An air strike, a barrel bomb, a drone strike.
    Airstrike,
    /// Artillery, rocket or mortar fire, or shelling of unstated means.
    Shelling,
    /// A bombing: car bomb, IED, explosion, landmine.
    Bombing,
    /// Clashes between armed parties.
    Clash,
    /// A ground attack, raid, shooting, execution or assassination.
    Attack,
    /// A siege.
    Siege,
    /// The capture of territory.
    Capture,
    /// A wave of displacement.
    Displacement,
    /// Casualties reported without a stated kind of event.
    Other,
}

impl EventKind {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::Airstrike => "airstrike",
            EventKind::Shelling => "shelling",
            EventKind::Bombing => "bombing",
            EventKind::Clash => "clash",
            EventKind::Attack => "attack",
            EventKind::Siege => "siege",
            EventKind::Capture => "capture",
            EventKind::Displacement => "displacement",
            EventKind::Other => "other",
        }
    }
}

/// A weapon or means of attack.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Weapon {
    Airstrike,
    BarrelBomb,
    Missile,
    Rocket,
    Artillery,
    Mortar,
    Napalm,
    Phosphorus,
    Cluster,
    Chemical,
    CarBomb,
    Ied,
    Landmine,
    Gunfire,
    Drone,
}

impl Weapon {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Weapon::Airstrike => "airstrike",
            Weapon::BarrelBomb => "barrel_bomb",
            Weapon::Missile => "missile",
            Weapon::Rocket => "rocket",
            Weapon::Artillery => "artillery",
            Weapon::Mortar => "mortar",
            Weapon::Napalm => "napalm",
            Weapon::Phosphorus => "phosphorus",
            Weapon::Cluster => "cluster",
            Weapon::Chemical => "chemical",
            Weapon::CarBomb => "car_bomb",
            Weapon::Ied => "ied",
            Weapon::Landmine => "landmine",
            Weapon::Gunfire => "gunfire",
            Weapon::Drone => "drone",
        }
    }
}

/// What an attack hit.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Target {
    Hospital,
    School,
    Market,
    Bakery,
    Mosque,
    CivilDefense,
    Homes,
    Camp,
    Road,
    MedicalWarehouse,
}

impl Target {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Target::Hospital => "hospital",
            Target::School => "school",
            Target::Market => "market",
            Target::Bakery => "bakery",
            Target::Mosque => "mosque",
            Target::CivilDefense => "civil_defense",
            Target::Homes => "homes",
            Target::Camp => "camp",
            Target::Road => "road",
            Target::MedicalWarehouse => "medical_warehouse",
        }
    }
}

use EventKind as K;
use Strength::{Strong, Weak};

/// Single words (as stems, without proclitics) and what they signal.
const WORDS: &[(&str, Cue)] = &[
    // Killed.
    ("قتل", Cue::Killed),
    ("قتلت", Cue::Killed),
    ("قتلوا", Cue::Killed),
    ("يقتل", Cue::Killed),
    ("مقتل", Cue::Killed),
    ("قتلى", Cue::Killed),
    ("القتلى", Cue::Killed),
    ("قتيل", Cue::Killed),
    ("قتيلا", Cue::Killed),
    ("قتيلان", Cue::Killed),
    ("قتيلين", Cue::Killed),
    ("استشهد", Cue::Killed),
    ("استشهدت", Cue::Killed),
    ("استشهدوا", Cue::Killed),
    ("استشهاد", Cue::Killed),
    ("شهيد", Cue::Killed),
    ("شهيدا", Cue::Killed),
    ("شهداء", Cue::Killed),
    ("شهيدان", Cue::Killed),
    ("شهيدين", Cue::Killed),
    ("قضى", Cue::Killed),
    ("قضوا", Cue::Killed),
    ("حتفه", Cue::Killed),
    ("حتفهم", Cue::Killed),
    ("مصرعه", Cue::Killed),
    ("مصرعهم", Cue::Killed),
    ("مصرع", Cue::Killed),
    ("مقذوف", Cue::Weapon(Weapon::Rocket)),
    ("مقذوفات", Cue::Weapon(Weapon::Rocket)),
    ("ضحايا", Cue::Killed),
    ("لقي", Cue::Killed),
    ("لقيت", Cue::Killed),
    ("لقوا", Cue::Killed),
    ("ارتقى", Cue::Killed),
    ("ارتقت", Cue::Killed),
    ("ارتقوا", Cue::Killed),
    ("وفاة", Cue::Killed),
    ("توفي", Cue::Killed),
    ("أعدم", Cue::Killed),
    ("أعدمت", Cue::Killed),
    ("أعدموا", Cue::Killed),
    ("تفجيرات", Cue::Event(K::Bombing, Strong)),
    ("تفجيرين", Cue::Event(K::Bombing, Strong)),
    ("انفجارات", Cue::Event(K::Bombing, Strong)),
    ("انفجارين", Cue::Event(K::Bombing, Strong)),
    ("انفجرت", Cue::Event(K::Bombing, Strong)),
    ("انفجر", Cue::Event(K::Bombing, Strong)),
    ("فجرت", Cue::Event(K::Bombing, Strong)),
    ("عبوات", Cue::Event(K::Bombing, Strong)),
    ("عبوتين", Cue::Event(K::Bombing, Strong)),
    ("عبوتان", Cue::Event(K::Bombing, Strong)),
    ("مفخختين", Cue::Event(K::Bombing, Strong)),
    ("ناسفتين", Cue::Weapon(Weapon::Ied)),
    ("ناسفتان", Cue::Weapon(Weapon::Ied)),
    ("ناسفة", Cue::Weapon(Weapon::Ied)),
    ("خطف", Cue::Event(K::Attack, Strong)),
    ("خطفت", Cue::Event(K::Attack, Strong)),
    ("خطفوا", Cue::Event(K::Attack, Strong)),
    ("اختطف", Cue::Event(K::Attack, Strong)),
    ("اختطفت", Cue::Event(K::Attack, Strong)),
    ("اختطفوا", Cue::Event(K::Attack, Strong)),
    ("اختطاف", Cue::Event(K::Attack, Strong)),
    ("اقتحام", Cue::Event(K::Attack, Strong)),
    ("اقتحم", Cue::Event(K::Attack, Strong)),
    ("اقتحموا", Cue::Event(K::Attack, Strong)),
    ("توغلت", Cue::Event(K::Capture, Strong)),
    ("توغل", Cue::Event(K::Capture, Strong)),
    ("توغلوا", Cue::Event(K::Capture, Strong)),
    ("سيطرتها", Cue::Event(K::Capture, Strong)),
    ("سيطرته", Cue::Event(K::Capture, Strong)),
    ("سيطرتهم", Cue::Event(K::Capture, Strong)),
    ("ذبح", Cue::Killed),
    ("ذبحوا", Cue::Killed),
    ("نحر", Cue::Killed),
    ("اغتيل", Cue::Killed),
    ("اغتيلت", Cue::Killed),
    ("أردى", Cue::Killed),
    ("أردت", Cue::Killed),
    ("أرداه", Cue::Killed),
    ("أرداهم", Cue::Killed),
    // Injured.
    ("أصيب", Cue::Injured),
    ("أصيبت", Cue::Injured),
    ("أصيبوا", Cue::Injured),
    ("إصابة", Cue::Injured),
    ("إصابات", Cue::Injured),
    ("جرح", Cue::Injured),
    ("جرحى", Cue::Injured),
    ("الجرحى", Cue::Injured),
    ("جريح", Cue::Injured),
    ("جريحا", Cue::Injured),
    ("جريحان", Cue::Injured),
    ("مصاب", Cue::Injured),
    ("مصابا", Cue::Injured),
    ("مصابين", Cue::Injured),
    ("مصابون", Cue::Injured),
    ("يصاب", Cue::Injured),
    // Displaced.
    ("نزوح", Cue::Displaced),
    ("نزح", Cue::Displaced),
    ("نزحوا", Cue::Displaced),
    ("نزحت", Cue::Displaced),
    ("ينزح", Cue::Displaced),
    ("فر", Cue::Displaced),
    ("فرار", Cue::Displaced),
    ("تهجير", Cue::Displaced),
    ("هجر", Cue::Displaced),
    ("تشريد", Cue::Displaced),
    ("نازح", Cue::Displaced),
    ("نازحين", Cue::Displaced),
    ("نازحون", Cue::Displaced),
    ("تهجيرهم", Cue::Displaced),
    // Events.
    ("غارة", Cue::Event(K::Airstrike, Strong)),
    ("غارات", Cue::Event(K::Airstrike, Strong)),
    ("الغارات", Cue::Event(K::Airstrike, Strong)),
    ("أغارت", Cue::Event(K::Airstrike, Strong)),
    ("أغار", Cue::Event(K::Airstrike, Strong)),
    ("غاراته", Cue::Event(K::Airstrike, Strong)),
    ("برميل", Cue::Event(K::Airstrike, Strong)),
    ("براميل", Cue::Event(K::Airstrike, Strong)),
    ("قصف", Cue::Event(K::Shelling, Strong)),
    ("قصفت", Cue::Event(K::Shelling, Strong)),
    ("قصفها", Cue::Event(K::Shelling, Strong)),
    ("قصفه", Cue::Event(K::Shelling, Strong)),
    ("يقصف", Cue::Event(K::Shelling, Strong)),
    ("تقصف", Cue::Event(K::Shelling, Strong)),
    ("استهدفت", Cue::Event(K::Attack, Strong)),
    ("استهدف", Cue::Event(K::Attack, Strong)),
    ("استهداف", Cue::Event(K::Attack, Strong)),
    ("قذائف", Cue::Event(K::Shelling, Strong)),
    ("قذيفة", Cue::Event(K::Shelling, Strong)),
    ("تفجير", Cue::Event(K::Bombing, Strong)),
    ("انفجار", Cue::Event(K::Bombing, Strong)),
    ("انفجرت", Cue::Event(K::Bombing, Strong)),
    ("انفجر", Cue::Event(K::Bombing, Strong)),
    ("مفخخة", Cue::Event(K::Bombing, Strong)),
    ("عبوة", Cue::Event(K::Bombing, Strong)),
    ("لغم", Cue::Event(K::Bombing, Strong)),
    ("ألغام", Cue::Event(K::Bombing, Strong)),
    ("انتحاري", Cue::Event(K::Bombing, Strong)),
    ("اشتباكات", Cue::Event(K::Clash, Strong)),
    ("اشتباك", Cue::Event(K::Clash, Strong)),
    ("اشتبكت", Cue::Event(K::Clash, Strong)),
    ("معارك", Cue::Event(K::Clash, Weak)),
    ("مواجهات", Cue::Event(K::Clash, Strong)),
    ("هجوم", Cue::Event(K::Attack, Weak)),
    ("هجوما", Cue::Event(K::Attack, Weak)),
    ("هجمات", Cue::Event(K::Attack, Weak)),
    ("الهجمات", Cue::Event(K::Attack, Weak)),
    ("هاجم", Cue::Event(K::Attack, Strong)),
    ("هاجمت", Cue::Event(K::Attack, Strong)),
    ("اغتيال", Cue::Event(K::Attack, Strong)),
    ("اغتال", Cue::Event(K::Attack, Strong)),
    ("إعدام", Cue::Event(K::Attack, Strong)),
    ("قنص", Cue::Event(K::Attack, Strong)),
    ("مداهمة", Cue::Event(K::Attack, Weak)),
    ("اقتحام", Cue::Event(K::Attack, Strong)),
    ("اقتحمت", Cue::Event(K::Attack, Strong)),
    ("كمين", Cue::Event(K::Attack, Strong)),
    ("مجزرة", Cue::Event(K::Attack, Strong)),
    ("مجازر", Cue::Event(K::Attack, Weak)),
    ("المذبحة", Cue::Event(K::Attack, Weak)),
    ("حصار", Cue::Event(K::Siege, Strong)),
    ("تحاصر", Cue::Event(K::Siege, Strong)),
    ("يحاصر", Cue::Event(K::Siege, Strong)),
    ("حاصرت", Cue::Event(K::Siege, Strong)),
    ("محاصرة", Cue::Event(K::Siege, Strong)),
    ("سيطرة", Cue::Event(K::Capture, Strong)),
    ("سيطرت", Cue::Event(K::Capture, Strong)),
    ("سيطروا", Cue::Event(K::Capture, Strong)),
    ("سيطر", Cue::Event(K::Capture, Strong)),
    ("استعادت", Cue::Event(K::Capture, Strong)),
    ("استعادة", Cue::Event(K::Capture, Strong)),
    ("انتزعت", Cue::Event(K::Capture, Strong)),
    ("التصعيد", Cue::Event(K::Other, Weak)),
    ("تصعيد", Cue::Event(K::Other, Weak)),
    ("الحملة", Cue::Event(K::Other, Weak)),
    ("حملة", Cue::Event(K::Other, Weak)),
    ("حملات", Cue::Event(K::Other, Weak)),
    // Weapons.
    ("صاروخ", Cue::Weapon(Weapon::Missile)),
    ("صواريخ", Cue::Weapon(Weapon::Missile)),
    ("بالصواريخ", Cue::Weapon(Weapon::Missile)),
    ("صاروخية", Cue::Weapon(Weapon::Missile)),
    ("راجمات", Cue::Weapon(Weapon::Rocket)),
    ("مدفعي", Cue::Weapon(Weapon::Artillery)),
    ("مدفعية", Cue::Weapon(Weapon::Artillery)),
    ("المدفعية", Cue::Weapon(Weapon::Artillery)),
    ("هاون", Cue::Weapon(Weapon::Mortar)),
    ("الهاون", Cue::Weapon(Weapon::Mortar)),
    ("النابالم", Cue::Weapon(Weapon::Napalm)),
    ("نابالم", Cue::Weapon(Weapon::Napalm)),
    ("الفوسفور", Cue::Weapon(Weapon::Phosphorus)),
    ("فوسفور", Cue::Weapon(Weapon::Phosphorus)),
    ("الفوسفوري", Cue::Weapon(Weapon::Phosphorus)),
    ("عنقودية", Cue::Weapon(Weapon::Cluster)),
    ("العنقودية", Cue::Weapon(Weapon::Cluster)),
    ("كيماوي", Cue::Weapon(Weapon::Chemical)),
    ("الكيماوي", Cue::Weapon(Weapon::Chemical)),
    ("كيميائي", Cue::Weapon(Weapon::Chemical)),
    ("ناسفة", Cue::Weapon(Weapon::Ied)),
    ("رصاص", Cue::Weapon(Weapon::Gunfire)),
    ("الرصاص", Cue::Weapon(Weapon::Gunfire)),
    ("مسيرة", Cue::Weapon(Weapon::Drone)),
    ("مسيرات", Cue::Weapon(Weapon::Drone)),
    ("درون", Cue::Weapon(Weapon::Drone)),
    ("جوي", Cue::Weapon(Weapon::Airstrike)),
    ("جوية", Cue::Weapon(Weapon::Airstrike)),
    ("الجوية", Cue::Weapon(Weapon::Airstrike)),
    ("الجوي", Cue::Weapon(Weapon::Airstrike)),
    ("الطيران", Cue::Weapon(Weapon::Airstrike)),
    ("طيران", Cue::Weapon(Weapon::Airstrike)),
    ("طائرات", Cue::Weapon(Weapon::Airstrike)),
    ("الطائرات", Cue::Weapon(Weapon::Airstrike)),
    ("طائرة", Cue::Weapon(Weapon::Airstrike)),
    ("الحربية", Cue::Weapon(Weapon::Airstrike)),
    ("الحربي", Cue::Weapon(Weapon::Airstrike)),
    ("حربية", Cue::Weapon(Weapon::Airstrike)),
    // Targets.
    ("مشفى", Cue::Target(Target::Hospital)),
    ("مستشفى", Cue::Target(Target::Hospital)),
    ("مستشفيات", Cue::Target(Target::Hospital)),
    ("مشافي", Cue::Target(Target::Hospital)),
    ("الطبية", Cue::Target(Target::Hospital)),
    ("مستوصف", Cue::Target(Target::Hospital)),
    ("صحية", Cue::Target(Target::Hospital)),
    ("مدرسة", Cue::Target(Target::School)),
    ("مدارس", Cue::Target(Target::School)),
    ("تعليمية", Cue::Target(Target::School)),
    ("سوق", Cue::Target(Target::Market)),
    ("أسواق", Cue::Target(Target::Market)),
    ("مخبز", Cue::Target(Target::Bakery)),
    ("فرن", Cue::Target(Target::Bakery)),
    ("مسجد", Cue::Target(Target::Mosque)),
    ("جامع", Cue::Target(Target::Mosque)),
    ("منازل", Cue::Target(Target::Homes)),
    ("منزل", Cue::Target(Target::Homes)),
    ("السكنية", Cue::Target(Target::Homes)),
    ("سكنية", Cue::Target(Target::Homes)),
    ("مخيم", Cue::Target(Target::Camp)),
    ("مخيمات", Cue::Target(Target::Camp)),
    ("الطريق", Cue::Target(Target::Road)),
    ("طريق", Cue::Target(Target::Road)),
    ("أوتوستراد", Cue::Target(Target::Road)),
    // Attribution, modality, breakdowns.
    ("وفق", Cue::SourceMarker),
    ("وفقا", Cue::SourceMarker),
    ("حسب", Cue::SourceMarker),
    ("بحسب", Cue::SourceMarker),
    ("أفاد", Cue::SourceMarker),
    ("أفادت", Cue::SourceMarker),
    ("قال", Cue::SourceMarker),
    ("قالت", Cue::SourceMarker),
    ("أعلن", Cue::SourceMarker),
    ("أعلنت", Cue::SourceMarker),
    ("ذكر", Cue::SourceMarker),
    ("ذكرت", Cue::SourceMarker),
    ("وثق", Cue::SourceMarker),
    ("وثقت", Cue::SourceMarker),
    ("نقلا", Cue::SourceMarker),
    ("قد", Cue::Irrealis),
    ("سوف", Cue::Irrealis),
    ("ربما", Cue::Irrealis),
    ("حال", Cue::Irrealis),
    ("لم", Cue::Irrealis),
    ("لن", Cue::Irrealis),
    ("دون", Cue::Irrealis),
    ("عدم", Cue::Irrealis),
    ("تنوي", Cue::Irrealis),
    ("ينوي", Cue::Irrealis),
    ("محتمل", Cue::Irrealis),
    ("وقف", Cue::Statement),
    ("بوقف", Cue::Statement),
    ("لوقف", Cue::Statement),
    ("تندد", Cue::Statement),
    ("تدين", Cue::Statement),
    ("يدين", Cue::Statement),
    ("إدانة", Cue::Statement),
    ("منع", Cue::Statement),
    ("لتجنب", Cue::Statement),
    ("تطالب", Cue::Statement),
    ("للتصدي", Cue::Statement),
    ("لانتزاع", Cue::Statement),
    // Fears, plans, accusations and confessions speak of events that may
    // not have happened.
    ("تخشى", Cue::Statement),
    ("يخشى", Cue::Statement),
    ("خشية", Cue::Statement),
    ("مخاوف", Cue::Statement),
    ("تخوف", Cue::Statement),
    ("بالتخطيط", Cue::Statement),
    ("التخطيط", Cue::Statement),
    ("يخطط", Cue::Statement),
    ("تخطط", Cue::Statement),
    ("مخطط", Cue::Statement),
    ("مخططا", Cue::Statement),
    ("مخططات", Cue::Statement),
    ("خطة", Cue::Statement),
    ("خططا", Cue::Statement),
    ("مؤامرة", Cue::Statement),
    ("يعتزم", Cue::Statement),
    ("تعتزم", Cue::Statement),
    ("قائمة", Cue::Statement),
    // Threats.
    ("هدد", Cue::Statement),
    ("هددت", Cue::Statement),
    ("يهدد", Cue::Statement),
    ("تهدد", Cue::Statement),
    ("تهديد", Cue::Statement),
    ("تهديدات", Cue::Statement),
    ("متهمون", Cue::Statement),
    ("متهمين", Cue::Statement),
    ("اعترافات", Cue::Statement),
    ("يزعم", Cue::Statement),
    ("تزعم", Cue::Statement),
    // Sentences of a court carried out: no incident.
    ("قصاصا", Cue::Statement),
    ("قصاص", Cue::Statement),
    ("تعزيرا", Cue::Statement),
    // Courts, charges, inquiries and anniversaries talk about an event;
    // they do not report it.
    ("مناسبة", Cue::Statement),
    ("خلفية", Cue::Statement),
    ("بشأن", Cue::Statement),
    ("ملف", Cue::Statement),
    ("القضية", Cue::Statement),
    ("منفذي", Cue::Statement),
    ("منفذ", Cue::Statement),
    ("مدبري", Cue::Statement),
    ("عقوبة", Cue::Statement),
    ("محكوما", Cue::Statement),
    ("أدين", Cue::Statement),
    ("أدينوا", Cue::Statement),
    ("اتهامه", Cue::Statement),
    ("المتورطين", Cue::Statement),
    ("متورطين", Cue::Statement),
    ("ضلوعه", Cue::Statement),
    ("الضلوع", Cue::Statement),
    ("التورط", Cue::Statement),
    ("التحقيق", Cue::Statement),
    ("التحقيقات", Cue::Statement),
    ("تحقيق", Cue::Statement),
    ("تحقيقا", Cue::Statement),
    ("المتهم", Cue::Statement),
    ("المتهمين", Cue::Statement),
    ("المتهمون", Cue::Statement),
    ("متهم", Cue::Statement),
    ("تهم", Cue::Statement),
    ("تهمة", Cue::Statement),
    ("اتهام", Cue::Statement),
    ("اتهامات", Cue::Statement),
    ("يتهم", Cue::Statement),
    ("تتهم", Cue::Statement),
    ("محاكمة", Cue::Statement),
    ("المحكمة", Cue::Statement),
    ("محكمة", Cue::Statement),
    ("قضية", Cue::Statement),
    ("ذكرى", Cue::Statement),
    ("الذكرى", Cue::Statement),
    ("إدانتهم", Cue::Statement),
    ("لاستعادة", Cue::Statement),
    ("محاولة", Cue::Statement),
    ("تعتبر", Cue::Statement),
    ("يعتبر", Cue::Statement),
    ("إذا", Cue::Irrealis),
    ("لو", Cue::Irrealis),
    ("حصيلة", Cue::Aggregate),
    ("الحصيلة", Cue::Aggregate),
    ("ارتفع", Cue::Update),
    ("ارتفعت", Cue::Update),
    ("بينهم", Cue::Breakdown),
    ("منهم", Cue::Breakdown),
    ("بينهن", Cue::Breakdown),
    ("بينهما", Cue::Breakdown),
];

/// Words with a second cue besides the one in [`WORDS`]: an execution
/// both kills and is an attack.
const ALSO: &[(&str, Cue)] = &[
    ("ذبح", Cue::Event(K::Attack, Strong)),
    ("ذبحوا", Cue::Event(K::Attack, Strong)),
    ("نحر", Cue::Event(K::Attack, Strong)),
    ("اغتيل", Cue::Event(K::Attack, Strong)),
    ("اغتيلت", Cue::Event(K::Attack, Strong)),
    ("أعدم", Cue::Event(K::Attack, Strong)),
    ("أعدمت", Cue::Event(K::Attack, Strong)),
    ("أعدموا", Cue::Event(K::Attack, Strong)),
    ("إعدام", Cue::Killed),
    ("اغتيال", Cue::Killed),
    ("اغتال", Cue::Killed),
];

/// Two-word phrases, matched on consecutive stems.
const PHRASES: &[(&str, &str, Cue)] = &[
    ("راح", "ضحيتها", Cue::Killed),
    ("راح", "ضحيته", Cue::Killed),
    ("راح", "ضحيتهما", Cue::Killed),
    ("ذهب", "ضحيتها", Cue::Killed),
    ("بسطت", "سيطرتها", Cue::Event(K::Capture, Strong)),
    ("بسط", "سيطرته", Cue::Event(K::Capture, Strong)),
    ("قصف", "جوي", Cue::Event(K::Airstrike, Strong)),
    ("القصف", "الجوي", Cue::Event(K::Airstrike, Strong)),
    ("ضربة", "جوية", Cue::Event(K::Airstrike, Strong)),
    ("ضربات", "جوية", Cue::Event(K::Airstrike, Strong)),
    ("الضربات", "الجوية", Cue::Event(K::Airstrike, Strong)),
    ("الغارات", "الجوية", Cue::Event(K::Airstrike, Strong)),
    ("قصف", "مدفعي", Cue::Event(K::Shelling, Strong)),
    ("قصف", "صاروخي", Cue::Event(K::Shelling, Strong)),
    ("برميل", "متفجر", Cue::Event(K::Airstrike, Strong)),
    ("براميل", "متفجرة", Cue::Event(K::Airstrike, Strong)),
    ("سيارة", "مفخخة", Cue::Event(K::Bombing, Strong)),
    ("عبوة", "ناسفة", Cue::Event(K::Bombing, Strong)),
    ("إطلاق", "نار", Cue::Event(K::Attack, Strong)),
    ("إطلاق", "النار", Cue::Event(K::Attack, Strong)),
    ("أودى", "بحياة", Cue::Killed),
    ("أودت", "بحياة", Cue::Killed),
    ("لقي", "حتفه", Cue::Killed),
    ("لقوا", "حتفهم", Cue::Killed),
    ("لقي", "مصرعه", Cue::Killed),
    ("لقوا", "مصرعهم", Cue::Killed),
    ("مقرين", "للدفاع", Cue::Target(Target::CivilDefense)),
    ("مقر", "للدفاع", Cue::Target(Target::CivilDefense)),
    ("مركز", "للدفاع", Cue::Target(Target::CivilDefense)),
    ("مركز", "الدفاع", Cue::Target(Target::CivilDefense)),
    ("الدفاع", "المدني", Cue::Target(Target::CivilDefense)),
    ("مستودعات", "الأدوية", Cue::Target(Target::MedicalWarehouse)),
    ("مستودع", "أدوية", Cue::Target(Target::MedicalWarehouse)),
    ("الأحياء", "السكنية", Cue::Target(Target::Homes)),
    ("الأحياء", "المدنية", Cue::Target(Target::Homes)),
    ("الأبراج", "السكنية", Cue::Target(Target::Homes)),
    ("في", "حال", Cue::Irrealis),
    ("لا", "يقل", Cue::Aggregate),
];

/// Words that mean the number before them does not count people.
const NON_PERSON_NOUNS: &[&str] = &[
    "غارة",
    "غارات",
    "نقطة",
    "نقاط",
    "سنة",
    "سنوات",
    "عام",
    "عاما",
    "أعوام",
    "يوما",
    "شهرا",
    "أسبوعا",
    "يوم",
    "أيام",
    "ساعة",
    "ساعات",
    "دقيقة",
    "دقائق",
    "أسبوع",
    "أسابيع",
    "شهر",
    "أشهر",
    "شهور",
    "كم",
    "كيلومتر",
    "كيلومترات",
    "متر",
    "أمتار",
    "دولار",
    "ليرة",
    "صاروخ",
    "صواريخ",
    "قذيفة",
    "قذائف",
    "برميل",
    "براميل",
    "طائرة",
    "طائرات",
    "مرة",
    "مرات",
    "منزل",
    "منازل",
    "مدرسة",
    "مدارس",
    "نسمة",
    "قرية",
    "قرى",
    "بلدة",
    "بلدات",
    "مدينة",
    "مدن",
    "مشفى",
    "مشاف",
    "مركز",
    "مراكز",
    "موقع",
    "مواقع",
    "آلية",
    "آليات",
    "دبابة",
    "دبابات",
    "هكتار",
    "طن",
    "بالمئة",
    "بالمائة",
    "المئة",
    "المائة",
    "مخيم",
    "مخيمات",
    "ضربة",
    "ضربات",
    "هجوم",
    "هجمات",
    "مجزرة",
    "مجازر",
    "خرق",
    "خروقات",
    "حاجز",
    "حواجز",
    "كيلومترا",
    "كلم",
    "ميلا",
    "هـ",
    "قضية",
    "قضايا",
    "جريمة",
    "جرائم",
    "بلاغ",
    "بلاغات",
    "حادث",
    "حوادث",
    "عملية",
    "عمليات",
    "محاولة",
    "محاولات",
    "هدف",
    "هدفا",
    "أهداف",
    "غزوة",
    "مقذوف",
    "مقذوفات",
    "طلقة",
    "طلقات",
];

/// Words that count families, not people.
const FAMILY_NOUNS: &[&str] =
    &["أسرة", "أسر", "عائلة", "عائلات", "العائلات", "الأسر"];

/// Words before a number that make it a population, not a toll.
const POPULATION_WORDS: &[&str] = &[
    "يقطنه",
    "يقطنها",
    "يقطن",
    "يسكن",
    "يسكنها",
    "يسكنه",
    "سكان",
    "يعيش",
    "يؤوي",
    "مواليد",
    "مسافة",
    "عمره",
    "عمرها",
    "سعته",
    "سعتها",
    "بسعة",
    "طاقته",
    "طاقتها",
];

/// The tables, hashed with the number stage's fast hasher (they are read
/// for every analysis of every token; none is iterated where the order
/// shows in the output).
struct Tables {
    words: HashMap<String, Cue, FxBuild>,
    also: HashMap<String, Cue, FxBuild>,
    /// Phrases by their first word: the second words and their cues.
    phrases: HashMap<String, Vec<(String, Cue)>, FxBuild>,
    non_person: HashSet<String, FxBuild>,
    population: HashSet<String, FxBuild>,
    family: HashSet<String, FxBuild>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let n = |s: &str| normalize(s).as_str().to_owned();
    Tables {
        words: WORDS.iter().map(|&(w, c)| (n(w), c)).collect(),
        also: ALSO.iter().map(|&(w, c)| (n(w), c)).collect(),
        phrases: PHRASES.iter().fold(
            HashMap::default(),
            |mut m, &(a, b, c)| {
                m.entry(n(a)).or_insert_with(Vec::new).push((n(b), c));
                m
            },
        ),
        non_person: NON_PERSON_NOUNS.iter().map(|w| n(w)).collect(),
        population: POPULATION_WORDS.iter().map(|w| n(w)).collect(),
        family: FAMILY_NOUNS.iter().map(|w| n(w)).collect(),
    }
});

/// Looks up a normalized stem.
pub(crate) fn word(stem: &str) -> Option<Cue> {
    TABLES.words.get(stem).copied()
}

/// The second cue of a normalized stem, if it has one.
pub(crate) fn also(stem: &str) -> Option<Cue> {
    TABLES.also.get(stem).copied()
}

/// Looks up two consecutive normalized stems.
pub(crate) fn phrase(a: &str, b: &str) -> Option<Cue> {
    let seconds = TABLES.phrases.get(a)?;
    seconds.iter().find(|(w, _)| w == b).map(|&(_, c)| c)
}

/// Whether a normalized word after a number says the number is not a
/// count of people ("غارة", "سنوات", "نسمة").
pub(crate) fn is_non_person_noun(stem: &str) -> bool {
    TABLES.non_person.contains(stem)
}

/// Whether a normalized word counts families ("عائلة", "أسر").
pub(crate) fn is_family_noun(stem: &str) -> bool {
    TABLES.family.contains(stem)
}

/// Whether a normalized word before a number makes it a population.
pub(crate) fn is_population_word(stem: &str) -> bool {
    TABLES.population.contains(stem)
}

/// The cues of the labels of the generated lexicon ([`crate::morph`]).
pub(crate) fn cues_of(
    labels: &'static [crate::morph::Label],
) -> impl Iterator<Item = Cue> {
    use crate::morph::{Kind as MK, Label as L, Strength as MS, Weapon as MW};
    labels.iter().filter_map(|l| {
        Some(match *l {
            L::Killed | L::KilledWeak => Cue::Killed,
            L::Injured => Cue::Injured,
            L::Displaced => Cue::Displaced,
            L::Abduction => Cue::Event(EventKind::Attack, Strength::Strong),
            L::Event(k, s) => Cue::Event(
                match k {
                    MK::Airstrike => EventKind::Airstrike,
                    MK::Shelling => EventKind::Shelling,
                    MK::Bombing => EventKind::Bombing,
                    MK::Clash => EventKind::Clash,
                    MK::Attack => EventKind::Attack,
                    MK::Siege => EventKind::Siege,
                    MK::Capture => EventKind::Capture,
                    MK::Displacement => EventKind::Displacement,
                    MK::Other => EventKind::Other,
                },
                match s {
                    MS::Weak => Strength::Weak,
                    MS::Strong => Strength::Strong,
                },
            ),
            L::Weapon(w) => Cue::Weapon(match w {
                MW::BarrelBomb => Weapon::BarrelBomb,
                MW::CarBomb => Weapon::CarBomb,
                MW::Ied => Weapon::Ied,
                MW::Gunfire => Weapon::Gunfire,
                MW::Drone => Weapon::Drone,
            }),
            L::Block => return None,
        })
    })
}

/// Every entry of the hand lexicon whose cue is a trigger (killed,
/// injured, displaced, an event or a weapon: the cues a blocking phrase
/// takes away), as its normalized words (one, or the two of a phrase) and
/// its cue.
pub(crate) fn trigger_entries(
) -> impl Iterator<Item = (Vec<&'static str>, Cue)> {
    let trigger = |c: &Cue| c.is_trigger();
    let t = &*TABLES;
    let words = t.words.iter().chain(&t.also).filter(move |(_, c)| trigger(c));
    let phrases = t.phrases.iter().flat_map(move |(a, seconds)| {
        seconds
            .iter()
            .filter(move |(_, c)| trigger(c))
            .map(move |(b, c)| (vec![a.as_str(), b.as_str()], *c))
    });
    words.map(|(w, c)| (vec![w.as_str()], *c)).chain(phrases)
}

/// The normalized word of battles, a generic event word that reports
/// fighting when told as going on ("تدور معارك عنيفة").
pub(crate) const BATTLES: &str = "معارك";

/// Whether a normalized stem is a word of raids ("مداهمة", "داهمت"), a
/// generic event word that is an attack when an armed group carries it
/// out.
pub(crate) fn is_raid(stem: &str) -> bool {
    stem.starts_with("مداهم") || stem.starts_with("داهم")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_use_normalized_forms() {
        assert_eq!(word("اصيب"), Some(Cue::Injured));
        assert_eq!(word("غاره"), Some(Cue::Event(K::Airstrike, Strong)));
        assert_eq!(
            phrase("سياره", "مفخخه"),
            Some(Cue::Event(K::Bombing, Strong))
        );
        assert!(is_non_person_noun("سنوات"));
        assert!(is_population_word("يقطنه"));
        assert_eq!(word("مدنيين"), None);
    }
}
