//! One archive entry: a BEAM module or a plain file.

/// Section flag: the module AtomVM starts (the first section with it wins).
pub const FLAG_START: u32 = 0x01;
/// Section flag: a BEAM module, found by the name `MODULE.beam`.
pub const FLAG_BEAM: u32 = 0x02;
/// Section flag: a plain file (e.g. `my_app/priv/data.bin`), length-prefixed.
pub const FLAG_FILE: u32 = 0x04;

/// What an entry holds, from its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A BEAM module (flag `0x02`).
    Beam,
    /// A plain file (flag `0x04`).
    File,
    /// Neither flag is set: the runtime ignores it.
    Unknown,
}

/// One section of an archive, content unpadded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Section name: `MODULE.beam` for modules, `APP/priv/PATH` for priv files.
    pub name: String,
    /// Section flags (`FLAG_*`).
    pub flags: u32,
    /// The module's bytes, or the file's bytes (without the length prefix).
    pub data: Vec<u8>,
}

impl Entry {
    /// A BEAM module entry; `start` marks the module AtomVM runs.
    pub fn beam(name: impl Into<String>, data: Vec<u8>, start: bool) -> Self {
        let flags = if start {
            FLAG_BEAM | FLAG_START
        } else {
            FLAG_BEAM
        };
        Entry {
            name: name.into(),
            flags,
            data,
        }
    }

    /// A plain file entry.
    pub fn file(name: impl Into<String>, data: Vec<u8>) -> Self {
        Entry {
            name: name.into(),
            flags: FLAG_FILE,
            data,
        }
    }

    /// What the entry holds.
    pub fn kind(&self) -> EntryKind {
        if self.flags & FLAG_BEAM != 0 {
            EntryKind::Beam
        } else if self.flags & FLAG_FILE != 0 {
            EntryKind::File
        } else {
            EntryKind::Unknown
        }
    }

    /// Whether the start flag is set.
    pub fn is_start(&self) -> bool {
        self.flags & FLAG_START != 0
    }
}
