defmodule Mix.Tasks.Compile.AtomvmNativeTest do
  # Not async: a test sets the process-wide CARGO environment variable.
  use ExUnit.Case, async: false

  alias Mix.Tasks.Compile.AtomvmNative

  @moduletag :tmp_dir

  defp touch!(root, path, mtime) do
    full = Path.join(root, path)
    File.mkdir_p!(Path.dirname(full))
    File.write!(full, "")
    File.touch!(full, mtime)
  end

  test "up to date only while the library is newer than every workspace source", %{tmp_dir: root} do
    lib = "priv/native/libatomvm_nif.so"
    refute AtomVM.Cargo.up_to_date?(Path.join(root, lib), AtomvmNative.sources(), root)

    for path <- ["Cargo.toml", "Cargo.lock", "native/a/Cargo.toml", "native/a/src/x/y.rs"] do
      touch!(root, path, 1_000)
    end

    touch!(root, lib, 2_000)
    assert AtomVM.Cargo.up_to_date?(Path.join(root, lib), AtomvmNative.sources(), root)

    # Files that are not sources of the library (tests, docs) do not count.
    touch!(root, "native/a/tests/t.rs", 3_000)
    assert AtomVM.Cargo.up_to_date?(Path.join(root, lib), AtomvmNative.sources(), root)

    touch!(root, "native/a/src/x/y.rs", 3_000)
    refute AtomVM.Cargo.up_to_date?(Path.join(root, lib), AtomvmNative.sources(), root)
  end

  test "a failing cargo build is reported with its status and command", %{tmp_dir: dir} do
    fake = Path.join(dir, "cargo")

    File.write!(
      fake,
      "#!/bin/sh\necho 'fake cargo: simulated build failure (expected by this test)' >&2\nexit 101\n"
    )

    File.chmod!(fake, 0o755)
    lib = Path.join(AtomVM.Test.Fixture.root(), "priv/native/libatomvm_nif.so")
    before = {File.stat!(lib).mtime, :erlang.md5(File.read!(lib))}
    System.put_env("CARGO", fake)

    try do
      error = assert_raise Mix.Error, fn -> AtomvmNative.run(["--force"]) end
      assert error.message =~ "cargo failed to build atomvm_nif (exit status 101)"
      assert error.message =~ "Command: #{fake} build --release --package atomvm_nif"
    after
      System.delete_env("CARGO")
    end

    # The library in priv/ was not touched by the failed build: same time, same bytes.
    assert {File.stat!(lib).mtime, :erlang.md5(File.read!(lib))} == before
  end
end
