defmodule Mix.Tasks.Compile.AtomvmNative do
  @shortdoc "Builds the atomvm_mix Rust NIF with cargo"
  @moduledoc """
  Builds the Rust NIF crate `native/atomvm_nif` with `cargo build --release` and
  copies the library to `priv/native/libatomvm_nif.so`, where `AtomVM.Native` loads it.

  It runs as the first compiler of `atomvm_mix` (see its `mix.exs`), so a project that
  depends on `atomvm_mix` builds the NIF during its own `mix compile`, and so does a
  fresh clone. Nothing is rebuilt while the library is newer than every file of the
  Cargo workspace (`Cargo.toml`, `Cargo.lock`, each `native/*` crate's
  manifest and sources); `--force` rebuilds anyway.

  Cargo's own diagnostics are shown as cargo prints them; the built library's path is
  taken from cargo's JSON messages, not guessed.

  ## Environment

    * `CARGO` - the cargo executable (default: `cargo` on `PATH`, then `~/.cargo/bin/cargo`)
    * `CARGO_TARGET_DIR` - honoured as cargo honours it (default: `target/` of this project)
  """
  use Mix.Task.Compiler

  @crate "atomvm_nif"
  @library "libatomvm_nif.so"

  @impl Mix.Task.Compiler
  def run(args) do
    {opts, _, _} = OptionParser.parse(args, switches: [force: :boolean])
    root = Path.expand("../..", __DIR__)
    dest = Path.join([root, "priv", "native", @library])

    if !opts[:force] and up_to_date?(root, dest) do
      {:noop, []}
    else
      build(root, dest)
      {:ok, []}
    end
  end

  @doc false
  def up_to_date?(root, dest) do
    case File.stat(dest, time: :posix) do
      {:ok, %{mtime: built}} -> Enum.all?(sources(root), &(mtime(&1) <= built))
      {:error, _} -> false
    end
  end

  defp sources(root) do
    [Path.join(root, "Cargo.toml"), Path.join(root, "Cargo.lock")] ++
      Path.wildcard(Path.join(root, "native/*/{Cargo.toml,build.rs}")) ++
      Path.wildcard(Path.join(root, "native/*/src/**/*.rs"))
  end

  defp mtime(path) do
    case File.stat(path, time: :posix) do
      {:ok, %{mtime: mtime}} -> mtime
      {:error, _} -> 0
    end
  end

  defp build(root, dest) do
    cargo = cargo!()
    Mix.shell().info("Compiling #{@crate} (Rust NIF, cargo build --release)")

    args = [
      "build",
      "--release",
      "--package",
      @crate,
      "--message-format=json-render-diagnostics"
    ]

    # Cargo's human-readable diagnostics go to stderr, which passes through to the
    # user; stdout carries one JSON message per line.
    {stdout, status} = System.cmd(cargo, args, cd: root)

    if status != 0 do
      Mix.raise("""
      cargo failed to build the #{@crate} NIF (exit status #{status}); its errors are above.
      Command: #{cargo} #{Enum.join(args, " ")} (in #{root})
      """)
    end

    source = artifact!(stdout)
    File.mkdir_p!(Path.dirname(dest))
    # A loaded library must not be overwritten in place: remove it, then copy.
    File.rm(dest)
    File.cp!(source, dest)
    # Mix links priv/ into _build before compilers run; link again now that it exists.
    Mix.Project.build_structure()
  end

  defp cargo! do
    candidates = [
      System.get_env("CARGO"),
      System.find_executable("cargo"),
      Path.expand("~/.cargo/bin/cargo")
    ]

    Enum.find(candidates, &(&1 && File.regular?(&1))) ||
      Mix.raise("""
      cargo was not found, and atomvm_mix needs it to build its Rust NIF.
      Install Rust with rustup (https://rustup.rs), or set CARGO to cargo's path.
      """)
  end

  defp artifact!(stdout) do
    stdout
    |> String.split("\n")
    |> Enum.filter(
      &(String.contains?(&1, ~s("reason":"compiler-artifact")) and
          String.contains?(&1, ~s("name":"#{@crate}")))
    )
    |> Enum.flat_map(&filenames/1)
    |> Enum.find(&(Path.extname(&1) in [".so", ".dylib", ".dll"]))
    |> case do
      nil -> Mix.raise("cargo reported no library for the #{@crate} crate")
      path -> path
    end
  end

  defp filenames(json_line) do
    case Regex.run(~r/"filenames":\[([^\]]*)\]/, json_line) do
      [_, list] ->
        Regex.scan(~r/"((?:[^"\\]|\\.)*)"/, list)
        |> Enum.map(fn [_, path] -> String.replace(path, "\\\\", "\\") end)

      nil ->
        []
    end
  end
end
