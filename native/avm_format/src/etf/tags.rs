//! The tag bytes of the external term format, as `erl_ext_dist` names them.

/// The version byte every encoded term starts with.
pub const VERSION: u8 = 131;

/// `RECORD_EXT` (OTP 29): a native record: field count (4), exported flag (1), module,
/// name, the field names, then their values.
pub const RECORD: u8 = 67;
/// `NEW_FLOAT_EXT`: an IEEE 754 double, 8 bytes big-endian.
pub const NEW_FLOAT: u8 = 70;
/// `BIT_BINARY_EXT`: length (4), bits used in the last byte (1), bytes.
pub const BIT_BINARY: u8 = 77;
/// `COMPRESSED`: uncompressed size (4), then a zlib stream holding one term.
pub const COMPRESSED: u8 = 80;
/// `ATOM_CACHE_REF`: an index into the distribution header's atom cache.
pub const ATOM_CACHE_REF: u8 = 82;
/// `NEW_PID_EXT`: node, id (4), serial (4), creation (4).
pub const NEW_PID: u8 = 88;
/// `NEW_PORT_EXT`: node, id (4), creation (4).
pub const NEW_PORT: u8 = 89;
/// `NEWER_REFERENCE_EXT`: id count (2), node, creation (4), ids (4 each).
pub const NEWER_REFERENCE: u8 = 90;
/// `SMALL_INTEGER_EXT`: an unsigned byte.
pub const SMALL_INTEGER: u8 = 97;
/// `INTEGER_EXT`: a signed 32-bit big-endian integer.
pub const INTEGER: u8 = 98;
/// `FLOAT_EXT`: a float as 31 bytes of text (`"%.20e"`), NUL-padded.
pub const FLOAT: u8 = 99;
/// `ATOM_EXT`: length (2), Latin-1 characters.
pub const ATOM: u8 = 100;
/// `REFERENCE_EXT`: node, id (4), creation (1).
pub const REFERENCE: u8 = 101;
/// `PORT_EXT`: node, id (4), creation (1).
pub const PORT: u8 = 102;
/// `PID_EXT`: node, id (4), serial (4), creation (1).
pub const PID: u8 = 103;
/// `SMALL_TUPLE_EXT`: arity (1), elements.
pub const SMALL_TUPLE: u8 = 104;
/// `LARGE_TUPLE_EXT`: arity (4), elements.
pub const LARGE_TUPLE: u8 = 105;
/// `NIL_EXT`: the empty list.
pub const NIL: u8 = 106;
/// `STRING_EXT`: length (2), bytes: a proper list of small integers.
pub const STRING: u8 = 107;
/// `LIST_EXT`: length (4), elements, tail.
pub const LIST: u8 = 108;
/// `BINARY_EXT`: length (4), bytes.
pub const BINARY: u8 = 109;
/// `SMALL_BIG_EXT`: digit count (1), sign (1), little-endian base-256 digits.
pub const SMALL_BIG: u8 = 110;
/// `LARGE_BIG_EXT`: digit count (4), sign (1), little-endian base-256 digits.
pub const LARGE_BIG: u8 = 111;
/// `NEW_FUN_EXT`: a closure (size, arity, uniq, index, free variable count, module,
/// old index, old uniq, creator pid, free variables).
pub const NEW_FUN: u8 = 112;
/// `EXPORT_EXT`: `fun Module:Function/Arity`.
pub const EXPORT: u8 = 113;
/// `NEW_REFERENCE_EXT`: id count (2), node, creation (1), ids (4 each).
pub const NEW_REFERENCE: u8 = 114;
/// `SMALL_ATOM_EXT`: length (1), Latin-1 characters.
pub const SMALL_ATOM: u8 = 115;
/// `MAP_EXT`: pair count (4), key and value of each pair.
pub const MAP: u8 = 116;
/// `ATOM_UTF8_EXT`: length in bytes (2), UTF-8 text.
pub const ATOM_UTF8: u8 = 118;
/// `SMALL_ATOM_UTF8_EXT`: length in bytes (1), UTF-8 text.
pub const SMALL_ATOM_UTF8: u8 = 119;
/// `V4_PORT_EXT`: node, id (8), creation (4).
pub const V4_PORT: u8 = 120;
/// `LOCAL_EXT`: a term in a node-local encoding, meaningful only to the node that made it.
pub const LOCAL: u8 = 121;
