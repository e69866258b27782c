defmodule AtomVM.Firmware.Cache do
  @moduledoc """
  Where verified firmware images are kept: `$XDG_CACHE_HOME/atomvm_mix/firmware`
  (else `~/.cache/atomvm_mix/firmware`), one directory per release tag. A file is
  only ever put there by renaming a download whose checksum matched, so a cached file
  is a verified one.
  """

  @doc "The cache's root directory."
  @spec root() :: Path.t()
  def root do
    base =
      case System.get_env("XDG_CACHE_HOME") do
        nil -> Path.join(System.user_home!(), ".cache")
        "" -> Path.join(System.user_home!(), ".cache")
        dir -> dir
      end

    Path.join([base, "atomvm_mix", "firmware"])
  end

  @doc "The cached path of `asset` of release `version` (whether or not it exists)."
  @spec path(String.t(), String.t()) :: Path.t()
  def path(version, asset), do: Path.join([root(), version, asset])

  @doc "Every cached image: `{version, asset, size}`, sorted."
  @spec entries() :: [{String.t(), String.t(), non_neg_integer()}]
  def entries do
    Path.wildcard(Path.join([root(), "*", "*"]))
    |> Enum.reject(&String.ends_with?(&1, [".part", ".sha256"]))
    |> Enum.filter(&File.regular?/1)
    |> Enum.map(fn path ->
      {Path.basename(Path.dirname(path)), Path.basename(path), File.stat!(path).size}
    end)
    |> Enum.sort()
  end
end
