//! Reading the inputs: files, folders (their `*.txt` in name order), `-`
//! for stdin; decoding UTF-8, Shift_JIS or EUC-JP.

use std::io::Read;
use std::path::Path;

/// How the bytes of an input are decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// A byte order mark decides; else UTF-8 when the bytes are valid
    /// UTF-8; else Shift_JIS or EUC-JP, whichever decodes without error
    /// (both: the one that reads as more kana and kanji).
    Auto,
    Utf8,
    ShiftJis,
    EucJp,
}

impl Encoding {
    pub fn parse(s: &str) -> Option<Encoding> {
        Some(match s.to_ascii_lowercase().replace('-', "_").as_str() {
            "auto" => Encoding::Auto,
            "utf8" | "utf_8" => Encoding::Utf8,
            "shift_jis" | "sjis" | "cp932" | "windows_31j" => Encoding::ShiftJis,
            "euc_jp" | "eucjp" => Encoding::EucJp,
            _ => return None,
        })
    }
}

/// One input: its name as given (`-` for stdin) and where to read it.
pub struct Input {
    pub name: String,
    pub path: Option<String>,
}

/// The inputs named on the command line, folders expanded; an error per
/// folder that cannot be read or holds no `*.txt`.
pub fn expand(paths: &[String]) -> Vec<Result<Input, String>> {
    if paths.is_empty() {
        return vec![Ok(Input { name: "-".into(), path: None })];
    }
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Ok(Input { name: "-".into(), path: None }));
            continue;
        }
        let path = Path::new(p);
        if !path.is_dir() {
            out.push(Ok(Input { name: p.clone(), path: Some(p.clone()) }));
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(rd) => {
                let mut files: Vec<String> = rd
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
                    .map(|f| f.to_string_lossy().into_owned())
                    .collect();
                if files.is_empty() {
                    out.push(Err(format!("jikenbo: {}: no *.txt file in this folder", p)));
                }
                files.sort();
                out.extend(files.into_iter().map(|f| Ok(Input { name: f.clone(), path: Some(f) })));
            }
            Err(e) => out.push(Err(format!("jikenbo: {}: cannot read directory: {}", p, e))),
        }
    }
    out
}

/// The text of one input.
pub fn read(input: &Input, encoding: Encoding) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = match &input.path {
        None => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Some(p) => std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ()),
    };
    res.map_err(|e| format!("jikenbo: {}: cannot read: {}", input.name, e))?;
    decode(&bytes, encoding).map_err(|why| format!("jikenbo: {}: {}", input.name, why))
}

fn strict(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes).map(|c| c.into_owned())
}

/// Kana and kanji in a decoded text: how Japanese it reads.
fn japanese(s: &str) -> usize {
    s.chars().filter(|c| matches!(*c as u32, 0x3040..=0x30ff | 0x4e00..=0x9fff)).count()
}

pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, String> {
    use encoding_rs::{EUC_JP, SHIFT_JIS, UTF_8};
    let utf8_error = |bytes: &[u8]| match std::str::from_utf8(bytes) {
        Ok(_) => String::new(),
        Err(e) => format!("first bad byte at offset {}", e.valid_up_to()),
    };
    match encoding {
        Encoding::Utf8 => {
            let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            String::from_utf8(b.to_vec()).map_err(|_| format!("not valid UTF-8 ({})", utf8_error(b)))
        }
        Encoding::ShiftJis => strict(SHIFT_JIS, bytes).ok_or_else(|| "not valid Shift_JIS".to_string()),
        Encoding::EucJp => strict(EUC_JP, bytes).ok_or_else(|| "not valid EUC-JP".to_string()),
        Encoding::Auto => {
            if let Some((enc, len)) = encoding_rs::Encoding::for_bom(bytes) {
                if enc == UTF_8 {
                    return decode(&bytes[len..], Encoding::Utf8);
                }
                return Err(format!("starts with a {} byte order mark: choose --encoding", enc.name()));
            }
            if let Ok(s) = std::str::from_utf8(bytes) {
                return Ok(s.to_string());
            }
            match (strict(SHIFT_JIS, bytes), strict(EUC_JP, bytes)) {
                (Some(a), Some(b)) => Ok(if japanese(&b) > japanese(&a) { b } else { a }),
                (Some(a), None) => Ok(a),
                (None, Some(b)) => Ok(b),
                (None, None) => Err(format!(
                    "not valid UTF-8 ({}), nor Shift_JIS, nor EUC-JP; choose the encoding with --encoding",
                    utf8_error(bytes)
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_japanese_encodings() {
        let text = "個人情報の漏えいに関するお詫び";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let (euc, _, _) = encoding_rs::EUC_JP.encode(text);
        assert_eq!(decode(&sjis, Encoding::Auto).unwrap(), text);
        assert_eq!(decode(&euc, Encoding::Auto).unwrap(), text);
        assert_eq!(decode(text.as_bytes(), Encoding::Auto).unwrap(), text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom, Encoding::Auto).unwrap(), text);
        assert_eq!(decode(&sjis, Encoding::ShiftJis).unwrap(), text);
        assert!(decode(&sjis, Encoding::Utf8).is_err());
        let e = decode(&[0xE3, 0x83, 0xff, 0xfe], Encoding::Auto).unwrap_err();
        assert!(e.contains("UTF-8") && e.contains("--encoding"), "{}", e);
        assert_eq!(Encoding::parse("Shift-JIS"), Some(Encoding::ShiftJis));
        assert_eq!(Encoding::parse("latin1"), None);
    }
}
