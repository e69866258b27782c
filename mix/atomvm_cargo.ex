defmodule AtomVM.Cargo do
  @moduledoc """
  Runs cargo for atomvm_mix's Rust crates: the NIF (built by the `atomvm_native`
  compiler) and the host VM (built by `mix atomvm.run` on first use).

  It lives outside `lib/` because the compiler that builds the NIF needs it before
  `lib/` is compiled; `mix.exs` loads it.
  """

  @doc "The root of atomvm_mix's Cargo workspace."
  @spec root() :: Path.t()
  def root, do: Path.expand("..", __DIR__)

  @doc "Cargo's target directory: `CARGO_TARGET_DIR`, else `target/` under the workspace."
  @spec target_dir() :: Path.t()
  def target_dir do
    case System.get_env("CARGO_TARGET_DIR") do
      nil -> Path.join(root(), "target")
      "" -> Path.join(root(), "target")
      dir -> Path.expand(dir, root())
    end
  end

  @doc """
  Whether `dest` exists and is newer than every file matched by `globs` (relative to
  `root`, by default the workspace root).
  """
  @spec up_to_date?(Path.t(), [String.t()], Path.t()) :: boolean()
  def up_to_date?(dest, globs, root \\ root()) do
    case File.stat(dest, time: :posix) do
      {:ok, %{mtime: built}} ->
        globs
        |> Enum.flat_map(&Path.wildcard(Path.join(root, &1)))
        |> Enum.all?(&(mtime(&1) <= built))

      {:error, _} ->
        false
    end
  end

  defp mtime(path) do
    case File.stat(path, time: :posix) do
      {:ok, %{mtime: mtime}} -> mtime
      {:error, _} -> 0
    end
  end

  @doc """
  Runs `cargo build --release` with `args` in the workspace and returns the paths of
  the files cargo reports for target `crate` (a library's or a binary's target name,
  from its JSON messages). Cargo's diagnostics and
  progress go to the terminal as cargo prints them. Raises with the command when cargo
  fails.
  """
  @spec build!([String.t()], String.t()) :: [Path.t()]
  def build!(args, crate) do
    cargo = cargo!()
    args = ["build", "--release" | args] ++ ["--message-format=json-render-diagnostics"]
    # Human-readable diagnostics go to stderr, which passes through to the user;
    # stdout carries one JSON message per line.
    {stdout, status} = System.cmd(cargo, args, cd: root())

    if status != 0 do
      Mix.raise("""
      cargo failed to build #{crate} (exit status #{status}); its errors are above.
      Command: #{cargo} #{Enum.join(args, " ")} (in #{root()})
      """)
    end

    stdout
    |> String.split("\n")
    |> Enum.filter(
      &(String.contains?(&1, ~s("reason":"compiler-artifact")) and
          String.contains?(&1, ~s("name":"#{crate}")))
    )
    |> Enum.flat_map(&(json_strings(&1, "filenames") ++ json_strings(&1, "executable")))
  end

  defp cargo! do
    candidates = [
      System.get_env("CARGO"),
      System.find_executable("cargo"),
      Path.expand("~/.cargo/bin/cargo")
    ]

    Enum.find(candidates, &(&1 && File.regular?(&1))) ||
      Mix.raise("""
      cargo was not found, and atomvm_mix needs it to build its Rust parts.
      Install Rust with rustup (https://rustup.rs), or set CARGO to cargo's path.
      """)
  end

  # The strings of a JSON field holding a string or a list of strings (cargo's
  # messages are one JSON object per line; no JSON library is available here).
  defp json_strings(json_line, field) do
    case Regex.run(~r/"#{field}":(\[[^\]]*\]|"(?:[^"\\]|\\.)*")/, json_line) do
      [_, value] ->
        Regex.scan(~r/"((?:[^"\\]|\\.)*)"/, value)
        |> Enum.map(fn [_, path] -> String.replace(path, "\\\\", "\\") end)

      nil ->
        []
    end
  end
end
