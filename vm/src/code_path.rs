//! Where modules come from: the files given on the command line (`.beam` files and
//! `.avm` archives, earlier ones winning), then `--path` directories, then the host's
//! OTP and Elixir library directories — or, in device mode, the device's own library
//! archive (`--device-lib`) instead of those.

use avm_format::avm;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Functions AtomVM's library implements over a port driver this VM does not have,
/// served by this VM's natives in device mode with the same effect: `console` writes
/// through AtomVM's "console" driver (`open_port({spawn, "console"}, [])`).
const STANDS_IN_FOR_DRIVERS: &[(&str, &str, u8)] = &[
    ("console", "puts", 1),
    ("console", "print", 1),
    ("console", "flush", 0),
];

/// The module search path.
#[derive(Debug, Default)]
pub struct CodePath {
    /// Modules from the given files: name → bytes, and their order.
    given: HashMap<String, Vec<u8>>,
    /// The file each given module came from (a `.beam` file or an `.avm` archive).
    given_from: HashMap<String, PathBuf>,
    /// Names of the given modules, in file order.
    pub order: Vec<String>,
    /// Directories searched for `NAME.beam`.
    dirs: Vec<PathBuf>,
    /// The start module of the first archive that flags one (AtomVM runs it).
    pub start: Option<String>,
    /// Plain files from archives (`APP/priv/PATH`), for `atomvm:read_priv/2`.
    pub priv_files: HashMap<String, Vec<u8>>,
    /// Device mode (`--device-lib`): the AtomVM release whose library archive stands in
    /// for OTP's and Elixir's; no OTP library is searched, and a call the library
    /// cannot serve is named on stderr as "not in AtomVM TAG".
    pub device_release: Option<String>,
    /// Device mode with the release's facts (`--device-natives`, a
    /// `priv/atomvm_api/TAG.txt` file): the functions AtomVM itself implements on the
    /// Unix build, as `module:function/arity`. Only these resolve to this VM's natives;
    /// every other call goes to the library's code, as on the device.
    pub device_natives: Option<std::collections::HashSet<String>>,
    /// Archives added at run time under a name (`atomvm:add_avm_pack_*/2` with
    /// `{name, Name}`): the name's atom → the modules they brought.
    named_packs: HashMap<u32, Vec<String>>,
}

impl CodePath {
    /// Reads the natives of the Unix build (platforms `all` and `generic_unix`) from an
    /// AtomVM release file of atomvm_mix (`native PLATFORM MODULE:FUNCTION/ARITY` lines).
    pub fn read_device_natives(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let natives = text
            .lines()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                match (words.next(), words.next(), words.next()) {
                    (Some("native"), Some("all" | "generic_unix"), Some(mfa)) => {
                        Some(mfa.to_owned())
                    }
                    _ => None,
                }
            })
            .collect();
        self.device_natives = Some(natives);
        Ok(())
    }

    /// Whether AtomVM implements `module:function/arity` natively (always true outside
    /// device mode with facts, and for this VM's own `atomvm_host` internals, which
    /// its io server uses).
    pub fn device_native(&self, module: &str, function: &str, arity: u8) -> bool {
        // Outside device mode (every external call asks): no string work at all.
        let Some(natives) = &self.device_natives else {
            return true;
        };
        module == "atomvm_host"
            || STANDS_IN_FOR_DRIVERS.contains(&(module, function, arity))
            || natives.contains(&format!("{module}:{function}/{arity}"))
    }

    /// Adds a `.beam` file or `.avm` archive. Modules already present are kept.
    pub fn add_file(&mut self, path: &Path) -> Result<(), String> {
        self.add_file_as(path, false)
    }

    /// Adds the bytes of module `name`, replacing those given before.
    pub fn put_module(&mut self, name: String, bytes: Vec<u8>) {
        if !self.given.contains_key(&name) {
            self.order.push(name.clone());
        }
        self.given.insert(name, bytes);
    }

    fn add_file_as(&mut self, path: &Path, first: bool) -> Result<(), String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if first || path.extension().is_some_and(|e| e == "avm") {
            self.add_archive(&bytes, Some(&absolute(path)), first)
                .map(|_| ())
                .map_err(|e| format!("{}: {e}", path.display()))
        } else {
            let name = avm_format::beam::Beam::parse(&bytes)
                .and_then(|b| avm_format::beam::ModuleInfo::read(&b))
                .map_err(|e| format!("{}: {e}", path.display()))?
                .name;
            self.given_from
                .entry(name.clone())
                .or_insert_with(|| absolute(path));
            self.add_module(name, bytes);
            Ok(())
        }
    }

    /// Adds a module's bytes under `name` (unless already present).
    pub fn add_bytes(&mut self, name: &str, bytes: Vec<u8>) {
        if !self.given.contains_key(name) {
            self.given.insert(name.to_owned(), bytes);
        }
    }

    fn add_module(&mut self, name: String, bytes: Vec<u8>) {
        if !self.given.contains_key(&name) {
            self.order.push(name.clone());
            self.given.insert(name, bytes);
        }
    }

    /// Adds the modules and files of archive `bytes` (from file `origin`, if any):
    /// `first`, its modules replace those of the same name given before, else those
    /// are kept. Returns the names of the modules it added.
    fn add_archive(
        &mut self,
        bytes: &[u8],
        origin: Option<&Path>,
        first: bool,
    ) -> Result<Vec<String>, avm::ArchiveError> {
        let archive = avm::read(bytes)?;
        let mut added = Vec::new();
        for mut entry in archive.entries {
            if entry.kind() != avm::EntryKind::Beam {
                self.priv_files.entry(entry.name).or_insert(entry.data);
                continue;
            }
            let name = entry.name.trim_end_matches(".beam").to_owned();
            avm_format::beam::iff::fit_form_length(&mut entry.data);
            if entry.is_start() && self.start.is_none() {
                self.start = Some(name.clone());
            }
            if !first && self.given.contains_key(&name) {
                continue;
            }
            if let Some(origin) = origin {
                self.given_from.insert(name.clone(), origin.to_path_buf());
            }
            self.put_module(name.clone(), entry.data);
            added.push(name);
        }
        Ok(added)
    }

    /// `atomvm:add_avm_pack_binary/2` and `add_avm_pack_file/2` at run time: the archive
    /// `bytes` (from `origin`), searched first (`first`, as the file form) or last (as
    /// the binary form), known by `name` for `close_pack/1` when it has one.
    pub fn add_pack(
        &mut self,
        bytes: &[u8],
        origin: Option<&Path>,
        first: bool,
        name: Option<u32>,
    ) -> Result<(), avm::ArchiveError> {
        let added = self.add_archive(bytes, origin, first)?;
        if let Some(name) = name {
            self.named_packs.entry(name).or_default().extend(added);
        }
        Ok(())
    }

    /// `atomvm:close_avm_pack/2`: forgets the modules of the packs named `name` that are
    /// not loaded yet (loaded ones stay, as in AtomVM); false when no pack has the name.
    pub fn close_pack(&mut self, name: u32) -> bool {
        let Some(modules) = self.named_packs.remove(&name) else {
            return false;
        };
        for module in modules {
            self.given.remove(&module);
            self.given_from.remove(&module);
            self.order.retain(|m| *m != module);
        }
        true
    }

    /// Adds a directory searched for `NAME.beam`.
    pub fn add_dir(&mut self, dir: PathBuf) {
        self.dirs.push(dir);
    }

    /// Adds a directory searched first (`code:add_patha/1`).
    pub fn add_dir_first(&mut self, dir: PathBuf) {
        self.dirs.insert(0, dir);
    }

    /// The directories searched, in order (`code:get_path/0`).
    pub fn dirs(&self) -> &[PathBuf] {
        &self.dirs
    }

    /// The file module `name` was (or would be) loaded from: the `.beam` file or `.avm`
    /// archive given, else `DIR/NAME.beam` of the first directory that has it.
    pub fn file_of(&self, name: &str) -> Option<PathBuf> {
        if let Some(path) = self.given_from.get(name) {
            return Some(path.clone());
        }
        if self.given.contains_key(name) || name.contains('/') || name.starts_with('.') {
            return None;
        }
        self.dirs
            .iter()
            .map(|dir| dir.join(format!("{name}.beam")))
            .find(|p| p.is_file())
    }

    /// Adds every `lib/*/ebin` under an installation root.
    pub fn add_lib_root(&mut self, root: &Path) {
        let Ok(entries) = std::fs::read_dir(root.join("lib")) else {
            return;
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path().join("ebin"))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        self.dirs.extend(dirs);
    }

    /// The bytes of module `name`, if found.
    pub fn find(&self, name: &str) -> Option<Vec<u8>> {
        if let Some(bytes) = self.given.get(name) {
            return Some(bytes.clone());
        }
        if name.contains('/') || name.contains('\\') || name.starts_with('.') {
            return None;
        }
        self.dirs
            .iter()
            .find_map(|dir| std::fs::read(dir.join(format!("{name}.beam"))).ok())
    }

    /// Where file `name` is in the library directories.
    pub fn where_is(&self, name: &str) -> Option<PathBuf> {
        if name.contains('/') || name.starts_with('.') {
            return None;
        }
        self.dirs.iter().map(|d| d.join(name)).find(|p| p.is_file())
    }

    /// The text of application `app`'s resource file (`APP.app`) in the library
    /// directories, if there is one.
    pub fn app_file(&self, app: &str) -> Option<Vec<u8>> {
        if app.contains('/') || app.contains('\\') || app.starts_with('.') {
            return None;
        }
        self.dirs
            .iter()
            .find_map(|dir| std::fs::read(dir.join(format!("{app}.app"))).ok())
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The OTP root (`ATOMVM_OTP_ROOT`, else found from `erl` on `PATH`).
pub fn otp_root() -> Option<PathBuf> {
    root_from_env_or_exe("ATOMVM_OTP_ROOT", "erl")
}

/// The Elixir root (`ATOMVM_ELIXIR_ROOT`, else found from `elixir` on `PATH`).
pub fn elixir_root() -> Option<PathBuf> {
    root_from_env_or_exe("ATOMVM_ELIXIR_ROOT", "elixir")
}

fn root_from_env_or_exe(var: &str, exe: &str) -> Option<PathBuf> {
    if let Some(root) = std::env::var_os(var) {
        return Some(PathBuf::from(root));
    }
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .map(|d| d.join(exe))
        .find(|p| p.is_file())?;
    let real = std::fs::canonicalize(found).ok()?;
    // ROOT/bin/erl → ROOT
    real.parent()?.parent().map(Path::to_path_buf)
}
