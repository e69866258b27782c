//! The decoder. Containers being filled live on an explicit stack of [`Frame`]s, so
//! nesting costs heap, not Rust stack; it is capped by [`DecodeOptions::max_depth`]
//! ([`MAX_DEPTH`] by default).

use super::compressed;
use super::error::{EtfError, EtfErrorKind};
use super::leaf::{self, FunHead};
use super::read::Reader;
use super::tags;
use super::term::Term;
use super::MAX_DEPTH;

/// The most element slots allocated ahead for one container; a larger one grows as
/// its elements are actually read.
const PREALLOCATE: usize = 1 << 12;

/// Limits for [`decode_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// The deepest nesting of containers accepted; see [`MAX_DEPTH`] for the default
    /// and why it is what it is. Decoding itself takes no Rust stack per level, but
    /// the derived `Clone`, `PartialEq`, `Debug` and `Drop` of [`Term`] recurse.
    pub max_depth: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            max_depth: MAX_DEPTH,
        }
    }
}

/// Decodes one encoded term: the version byte 131, then the term (possibly
/// `COMPRESSED`), and nothing after it.
///
/// ```
/// use avm_format::etf::{decode, Term};
///
/// let term = decode(&[131, 104, 2, 97, 1, 100, 0, 2, b'o', b'k']).unwrap();
/// assert_eq!(term, Term::Tuple(vec![Term::Integer(1), Term::atom("ok")]));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Term, EtfError> {
    decode_with(bytes, DecodeOptions::default())
}

/// Decodes like [`decode`], within the limits `options` sets.
pub fn decode_with(bytes: &[u8], options: DecodeOptions) -> Result<Term, EtfError> {
    let (term, used) = decode_prefix_with(bytes, options)?;
    match bytes.len().checked_sub(used) {
        Some(0) | None => Ok(term),
        Some(left) => Err(EtfError::at(used, EtfErrorKind::TrailingBytes(left))),
    }
}

/// Decodes the encoded term at the start of `bytes`, which may go on past it; returns
/// the term and the number of bytes it takes, version byte included.
pub fn decode_prefix(bytes: &[u8]) -> Result<(Term, usize), EtfError> {
    decode_prefix_with(bytes, DecodeOptions::default())
}

/// Decodes like [`decode_prefix`], within the limits `options` sets.
pub fn decode_prefix_with(bytes: &[u8], options: DecodeOptions) -> Result<(Term, usize), EtfError> {
    let mut r = Reader::new(bytes);
    let version = r.u8()?;
    if version != tags::VERSION {
        return Err(EtfError::at(0, EtfErrorKind::BadVersion(version)));
    }
    let term = if r.peek() == Some(tags::COMPRESSED) {
        compressed::decode(&mut r, options)?
    } else {
        decode_term(&mut r, options)?
    };
    Ok((term, r.pos()))
}

/// Decodes one term (no version byte) at the reader's position.
pub(super) fn decode_term(r: &mut Reader<'_>, options: DecodeOptions) -> Result<Term, EtfError> {
    let mut decoder = Decoder {
        r,
        stack: Vec::new(),
        max_depth: options.max_depth,
    };
    loop {
        let value = match decoder.next()? {
            Step::Value(value) => value,
            Step::Open(frame) => {
                decoder.stack.push(frame);
                continue;
            }
            Step::Again => continue,
        };
        if let Some(done) = decoder.deliver(value)? {
            return Ok(done);
        }
    }
}

/// A container whose elements are being read.
#[derive(Debug)]
enum Frame {
    /// A tuple with `left` elements to go.
    Tuple { items: Vec<Term>, left: usize },
    /// A list with `left` elements to go, then (at 0) its tail.
    List { items: Vec<Term>, left: usize },
    /// A map with `left` pairs to go, `key` holding the key of a half-read pair.
    Map {
        pairs: Vec<(Term, Term)>,
        key: Option<Term>,
        left: usize,
    },
    /// A native record: module, name, the field names, then the values; `parts`
    /// collects them, `left` of them to go.
    Record {
        exported: bool,
        parts: Vec<Term>,
        left: usize,
    },
    /// A closure with `left` free variables to go.
    Fun {
        head: Box<FunHead>,
        free: Vec<Term>,
        left: usize,
    },
}

/// A native record from its decoded parts: module, name, `n` field names, `n` values.
fn record(exported: bool, mut parts: Vec<Term>) -> Term {
    let n = parts.len().saturating_sub(2) / 2;
    let values = parts.split_off(2 + n);
    let fields = parts.split_off(2);
    let name = parts.pop().unwrap_or(Term::Nil);
    let module = parts.pop().unwrap_or(Term::Nil);
    Term::Record {
        exported,
        module: Box::new(module),
        name: Box::new(name),
        fields,
        values,
    }
}

/// What reading at the current position gave.
enum Step {
    /// A complete term.
    Value(Term),
    /// The start of a container, to be filled by the terms that follow.
    Open(Frame),
    /// Input consumed with no term completed (a list tail that continues the list).
    Again,
}

/// What a frame did with a term given to it.
enum Accepted {
    /// It wants more terms.
    Pending(Frame),
    /// It is complete.
    Complete(Term),
}

impl Frame {
    fn accept(self, value: Term, pos: usize) -> Result<Accepted, EtfError> {
        let more = |left: usize| left > 1;
        Ok(match self {
            Frame::Tuple { mut items, left } => {
                items.push(value);
                if more(left) {
                    Accepted::Pending(Frame::Tuple {
                        items,
                        left: left - 1,
                    })
                } else {
                    Accepted::Complete(Term::Tuple(items))
                }
            }
            Frame::List { items, left: 0 } => Accepted::Complete(Term::improper_list(items, value)),
            Frame::List { mut items, left } => {
                items.push(value);
                Accepted::Pending(Frame::List {
                    items,
                    left: left - 1,
                })
            }
            Frame::Map {
                pairs,
                key: None,
                left,
            } => Accepted::Pending(Frame::Map {
                pairs,
                key: Some(value),
                left,
            }),
            Frame::Map {
                mut pairs,
                key: Some(key),
                left,
            } => {
                pairs.push((key, value));
                if more(left) {
                    Accepted::Pending(Frame::Map {
                        pairs,
                        key: None,
                        left: left - 1,
                    })
                } else {
                    Accepted::Complete(Term::Map(pairs))
                }
            }
            Frame::Record {
                exported,
                mut parts,
                left,
            } => {
                parts.push(value);
                if more(left) {
                    Accepted::Pending(Frame::Record {
                        exported,
                        parts,
                        left: left - 1,
                    })
                } else {
                    Accepted::Complete(record(exported, parts))
                }
            }
            Frame::Fun {
                head,
                mut free,
                left,
            } => {
                free.push(value);
                if more(left) {
                    Accepted::Pending(Frame::Fun {
                        head,
                        free,
                        left: left - 1,
                    })
                } else {
                    Accepted::Complete(head.finish(free, pos)?)
                }
            }
        })
    }
}

struct Decoder<'r, 'a> {
    r: &'r mut Reader<'a>,
    stack: Vec<Frame>,
    max_depth: usize,
}

impl Decoder<'_, '_> {
    /// Gives `value` to the innermost open container, closing every container it
    /// completes; returns the whole term once the outermost one is complete.
    fn deliver(&mut self, mut value: Term) -> Result<Option<Term>, EtfError> {
        while let Some(frame) = self.stack.pop() {
            match frame.accept(value, self.r.pos())? {
                Accepted::Pending(frame) => {
                    self.stack.push(frame);
                    return Ok(None);
                }
                Accepted::Complete(term) => value = term,
            }
        }
        Ok(Some(value))
    }

    /// Reads at the current position. A list waiting for its tail takes a `NIL_EXT`,
    /// `STRING_EXT` or `LIST_EXT` tail into itself, so `[1 | [2]]` is read as
    /// `[1, 2]` and a chain of tails does not nest.
    fn next(&mut self) -> Result<Step, EtfError> {
        if let Some(Frame::List {
            items,
            left: left @ 0,
        }) = self.stack.last_mut()
        {
            let at = self.r.pos();
            match self.r.peek() {
                Some(tag @ (tags::NIL | tags::STRING)) => {
                    self.r.u8()?;
                    if tag == tags::STRING {
                        items.extend(leaf::string(self.r)?);
                    }
                    let items = std::mem::take(items);
                    self.stack.pop();
                    return Ok(Step::Value(Term::improper_list(items, Term::Nil)));
                }
                Some(tags::LIST) => {
                    self.r.u8()?;
                    let count = self.r.u32_be()?;
                    *left = self.r.check_count(count.into(), 1, at)?;
                    items.reserve((*left).min(PREALLOCATE));
                    return Ok(Step::Again);
                }
                _ => {}
            }
        }
        self.start()
    }

    /// Reads the tag at the current position and the term or container head it
    /// introduces.
    fn start(&mut self) -> Result<Step, EtfError> {
        let at = self.r.pos();
        let r = &mut *self.r;
        let tag = r.u8()?;
        let term = match tag {
            tags::SMALL_INTEGER => Term::Integer(r.u8()?.into()),
            tags::INTEGER => Term::Integer(r.i32_be()?.into()),
            tags::FLOAT => leaf::old_float(r, at)?,
            tags::NEW_FLOAT => leaf::new_float(r, at)?,
            tags::ATOM | tags::SMALL_ATOM | tags::ATOM_UTF8 | tags::SMALL_ATOM_UTF8 => {
                Term::Atom(leaf::atom_text(r, tag, at)?)
            }
            tags::NIL => Term::Nil,
            tags::STRING => Term::list(leaf::string(r)?),
            tags::BINARY => leaf::binary(r)?,
            tags::BIT_BINARY => leaf::bit_binary(r, at)?,
            tags::SMALL_BIG | tags::LARGE_BIG => leaf::big(r, tag)?,
            tags::PID | tags::NEW_PID => leaf::pid(r, tag)?,
            tags::PORT | tags::NEW_PORT | tags::V4_PORT => leaf::port(r, tag)?,
            tags::REFERENCE | tags::NEW_REFERENCE | tags::NEWER_REFERENCE => {
                leaf::reference(r, tag, at)?
            }
            tags::EXPORT => leaf::export(r)?,
            tags::SMALL_TUPLE | tags::LARGE_TUPLE => {
                let count = if tag == tags::SMALL_TUPLE {
                    r.u8()?.into()
                } else {
                    r.u32_be()?
                };
                let left = r.check_count(count.into(), 1, at)?;
                if left == 0 {
                    Term::Tuple(Vec::new())
                } else {
                    let items = Vec::with_capacity(left.min(PREALLOCATE));
                    return self.open(Frame::Tuple { items, left }, at);
                }
            }
            tags::RECORD => {
                let count = r.u32_be()?;
                let exported = r.u8()? != 0;
                let fields = r.check_count(count.into(), 2, at)?;
                let left = 2 + 2 * fields;
                let parts = Vec::with_capacity(left.min(PREALLOCATE));
                return self.open(
                    Frame::Record {
                        exported,
                        parts,
                        left,
                    },
                    at,
                );
            }
            tags::LIST => {
                let count = r.u32_be()?;
                let left = r.check_count(count.into(), 1, at)?;
                let items = Vec::with_capacity(left.min(PREALLOCATE));
                return self.open(Frame::List { items, left }, at);
            }
            tags::MAP => {
                let count = r.u32_be()?;
                let left = r.check_count(count.into(), 2, at)?;
                if left == 0 {
                    Term::Map(Vec::new())
                } else {
                    let pairs = Vec::with_capacity(left.min(PREALLOCATE));
                    return self.open(
                        Frame::Map {
                            pairs,
                            key: None,
                            left,
                        },
                        at,
                    );
                }
            }
            tags::NEW_FUN => {
                let head = FunHead::read(r, at)?;
                let left = head.num_free;
                if left == 0 {
                    head.finish(Vec::new(), r.pos())?
                } else {
                    let free = Vec::with_capacity(left.min(PREALLOCATE));
                    let head = Box::new(head);
                    return self.open(Frame::Fun { head, free, left }, at);
                }
            }
            tags::ATOM_CACHE_REF => return Err(EtfError::at(at, EtfErrorKind::AtomCacheRef)),
            tags::LOCAL => return Err(EtfError::at(at, EtfErrorKind::LocalExt)),
            tags::COMPRESSED => return Err(EtfError::at(at, EtfErrorKind::MisplacedCompressed)),
            _ => return Err(EtfError::at(at, EtfErrorKind::UnknownTag(tag))),
        };
        Ok(Step::Value(term))
    }

    /// Opens a container whose tag is at `at`, unless that nests too deep.
    fn open(&self, frame: Frame, at: usize) -> Result<Step, EtfError> {
        if self.stack.len() >= self.max_depth {
            return Err(EtfError::at(at, EtfErrorKind::TooDeep(self.max_depth)));
        }
        Ok(Step::Open(frame))
    }
}
