//! The Rustler NIF behind `AtomVM.Native`: a thin binding from the Mix tasks to the
//! plain crates. Every function runs on a dirty I/O scheduler, takes paths and plain
//! terms, and returns `{:ok, value}` or `{:error, message}` where the message names
//! the file and the problem; nothing here panics on user input.

mod archive;
mod atomic_file;
mod beam;
mod boards;
mod error;
mod esp32;
mod monitor;
mod pack;
mod uf2_files;
mod uses;

rustler::init!("Elixir.AtomVM.Native");
