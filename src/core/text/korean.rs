//! Korean particles that change with the sound before them: 은/는, 이/가,
//! 을/를, 과/와 and 으로/로. A word that ends in a final consonant (batchim)
//! takes the first form, one that ends in a vowel the second; 으로/로 also
//! takes 로 after ㄹ. Names we print in Korean may end in a digit ("2025"),
//! a Latin letter ("KOMIR", "EU") or punctuation, so those are read the way
//! a Korean reader says them aloud.

/// How a word ends, as far as particles care.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    Vowel,
    /// ㄹ, which takes 로 but 은, 이, 을, 과.
    Rieul,
    Consonant,
}

/// The sound the last readable character of `word` ends in. Trailing
/// brackets, quotes, spaces and full stops are skipped, since "(EU)" or
/// “미국” is read by its last letter.
pub fn ending(word: &str) -> Ending {
    let Some(last) = word.chars().rev().find(|c| c.is_alphanumeric()) else {
        return Ending::Vowel;
    };
    match last {
        '가'..='힣' => match (last as u32 - '가' as u32) % 28 {
            0 => Ending::Vowel,
            8 => Ending::Rieul,
            _ => Ending::Consonant,
        },
        // 영 일 이 삼 사 오 육 칠 팔 구
        '0' | '3' | '6' => Ending::Consonant,
        '1' | '7' | '8' => Ending::Rieul,
        '2' | '4' | '5' | '9' => Ending::Vowel,
        c if c.is_ascii_alphabetic() => latin_ending(word, c),
        _ => Ending::Vowel,
    }
}

/// A Latin ending: an acronym is read letter by letter (엘, 엠, 엔, 알 end
/// in a consonant; the others in a vowel), a word by its last sounds
/// (Silmet 실멧, Lynas 라이너스, Lacq 라크, Seoul 서울).
fn latin_ending(word: &str, last: char) -> Ending {
    let tail: String = word
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_alphabetic())
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let acronym = tail.chars().all(|c| c.is_ascii_uppercase());
    if acronym {
        return match last {
            'L' | 'R' => Ending::Rieul,
            'M' | 'N' => Ending::Consonant,
            _ => Ending::Vowel,
        };
    }
    let last = last.to_ascii_lowercase();
    let before = tail.chars().nth(1).map(|c| c.to_ascii_lowercase());
    match last {
        'l' => Ending::Rieul,
        'm' | 'n' => Ending::Consonant,
        'g' if before == Some('n') => Ending::Consonant,
        // A stop after a vowel closes the syllable: Silmet, Gobi Steel.
        'b' | 'k' | 'p' | 't' if before.is_some_and(|b| "aeiou".contains(b)) => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// The form of `particle` (either of its two forms may be given) that
/// follows `word`. An unknown particle is returned as it is.
pub fn particle<'a>(word: &str, particle: &'a str) -> &'a str {
    const PAIRS: [(&str, &str); 5] = [
        ("은", "는"),
        ("이", "가"),
        ("을", "를"),
        ("과", "와"),
        ("으로", "로"),
    ];
    let Some(&(after_consonant, after_vowel)) =
        PAIRS.iter().find(|(a, b)| *a == particle || *b == particle)
    else {
        return particle;
    };
    match (ending(word), after_consonant) {
        (Ending::Consonant, _) => after_consonant,
        (Ending::Rieul, "으로") => after_vowel,
        (Ending::Rieul, _) => after_consonant,
        (Ending::Vowel, _) => after_vowel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_particle_follows_the_last_sound_of_the_name() {
        // (name, 과/와, 으로/로, 은/는, 이/가, 을/를), as a Korean editor
        // writes them.
        let table = [
            ("유럽연합", "과", "으로", "은", "이", "을"),
            ("미국", "과", "으로", "은", "이", "을"),
            ("중국", "과", "으로", "은", "이", "을"),
            ("일본", "과", "으로", "은", "이", "을"),
            ("한국", "과", "으로", "은", "이", "을"),
            ("독일", "과", "로", "은", "이", "을"),
            ("서울", "과", "로", "은", "이", "을"),
            ("몽골", "과", "로", "은", "이", "을"),
            ("베트남", "과", "으로", "은", "이", "을"),
            ("태국", "과", "으로", "은", "이", "을"),
            ("인도", "와", "로", "는", "가", "를"),
            ("프랑스", "와", "로", "는", "가", "를"),
            ("말레이시아", "와", "로", "는", "가", "를"),
            ("캐나다", "와", "로", "는", "가", "를"),
            ("352톤", "과", "으로", "은", "이", "을"),
            ("2025년 8월", "과", "로", "은", "이", "을"),
            ("“미국”", "과", "으로", "은", "이", "을"),
            ("유럽연합(EU)", "와", "로", "는", "가", "를"),
            ("KOMIR", "과", "로", "은", "이", "을"),
            ("EU", "와", "로", "는", "가", "를"),
            ("GACC", "와", "로", "는", "가", "를"),
            ("Lynas", "와", "로", "는", "가", "를"),
            ("Silmet", "과", "으로", "은", "이", "을"),
            ("2020", "과", "으로", "은", "이", "을"),
            ("2021", "과", "로", "은", "이", "을"),
            ("2022", "와", "로", "는", "가", "를"),
            ("12.5%", "와", "로", "는", "가", "를"),
        ];
        for (name, and, to, topic, subject, object) in table {
            assert_eq!(particle(name, "와"), and, "{name} + 과/와");
            assert_eq!(particle(name, "으로"), to, "{name} + 으로/로");
            assert_eq!(particle(name, "는"), topic, "{name} + 은/는");
            assert_eq!(particle(name, "가"), subject, "{name} + 이/가");
            assert_eq!(particle(name, "을"), object, "{name} + 을/를");
        }
    }

    #[test]
    fn either_form_names_the_pair_and_others_pass_through() {
        assert_eq!(particle("미국", "로"), "으로");
        assert_eq!(particle("인도", "으로"), "로");
        assert_eq!(particle("미국", "에서"), "에서");
    }
}
