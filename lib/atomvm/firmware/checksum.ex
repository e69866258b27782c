defmodule AtomVM.Firmware.Checksum do
  @moduledoc """
  sha256 sums: of files (read in chunks), and as published in `.sha256` sidecar files
  (the hex digest, optionally followed by whitespace and the file name, as
  `sha256sum` writes it).
  """

  @chunk 1_048_576

  @doc "The lowercase hex sha256 of a file."
  @spec file(Path.t()) :: String.t()
  def file(path) do
    # Read with :file.read/2: File.stream!/3 takes its arguments in opposite orders on
    # Elixir 1.14 and 1.16+, and each release warns about the other's.
    path
    |> File.open!([:read, :binary], &hash(&1, path, :crypto.hash_init(:sha256)))
    |> Base.encode16(case: :lower)
  end

  defp hash(io, path, state) do
    case :file.read(io, @chunk) do
      {:ok, data} -> hash(io, path, :crypto.hash_update(state, data))
      :eof -> :crypto.hash_final(state)
      {:error, reason} -> raise File.Error, reason: reason, action: "read file", path: path
    end
  end

  @doc """
  The digest in a sidecar file's text; when the sidecar names a file, it must be
  `asset`.
  """
  @spec parse_sidecar(binary(), String.t()) :: {:ok, String.t()} | {:error, term()}
  def parse_sidecar(text, asset) do
    case String.split(String.trim(text), ~r/\s+/, parts: 2) do
      [digest | rest] ->
        digest = String.downcase(digest)

        cond do
          not (byte_size(digest) == 64 and digest =~ ~r/^[0-9a-f]+$/) ->
            {:error, {:bad_sidecar, asset, text}}

          rest != [] and String.trim_leading(hd(rest), "*") != asset ->
            {:error, {:sidecar_names_other_file, asset, hd(rest)}}

          true ->
            {:ok, digest}
        end

      _ ->
        {:error, {:bad_sidecar, asset, text}}
    end
  end
end
