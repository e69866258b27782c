defmodule AtomVM.Archive do
  @moduledoc """
  Reads `.avm` archives back: listing their entries and extracting them to disk.
  """

  alias AtomVM.Native

  @doc """
  The entries of the archive at `path`, in archive order (contents under `:data`). A
  `.uf2` file is read too: the archive is the region of it that starts with the
  PackBEAM header.
  """
  @spec entries(Path.t()) :: {:ok, [map()]} | {:error, term()}
  def entries(path) do
    with :ok <- exists(path) do
      if Path.extname(path) == ".uf2",
        do: uf2_entries(path),
        else: native(Native.read_archive(path))
    end
  end

  @avm_header "#!/usr/bin/env AtomVM\n"

  defp uf2_entries(path) do
    with {:ok, regions} <- native(Native.uf2_read(File.read!(path))),
         %{data: data} <-
           Enum.find(regions, &String.starts_with?(&1.data, @avm_header)) ||
             {:error, {:native, "#{path}: no AtomVM archive in this UF2 file"}} do
      tmp = AtomVM.Tmp.path("atomvm-uf2", ".avm")

      try do
        File.write!(tmp, data)

        case Native.read_archive(tmp) do
          {:error, message} -> {:error, {:native, String.replace(message, tmp, path)}}
          ok -> ok
        end
      after
        File.rm(tmp)
      end
    end
  end

  @doc """
  Writes `output` with the entries of the archives `inputs`, in order: the first
  archive's start module stays the start module, and entries already present are
  skipped. Returns how many were skipped.
  """
  @spec concat(Path.t(), [Path.t()]) :: {:ok, non_neg_integer()} | {:error, term()}
  def concat(output, inputs) do
    missing =
      Enum.find_value(inputs, fn p ->
        case exists(p) do
          :ok -> nil
          error -> error
        end
      end)

    with nil <- missing do
      native(Native.concat_archives(output, inputs))
    end
  end

  @doc """
  Writes the entries named in `names` (all when empty) under `dir`. Every name is
  checked, and every requested name must exist, before anything is written.
  """
  @spec extract(Path.t(), Path.t(), [String.t()]) :: {:ok, [Path.t()]} | {:error, term()}
  def extract(path, dir, names \\ []) do
    with :ok <- exists(path) do
      native(Native.extract(path, dir, names))
    end
  end

  @doc """
  A listing in the spirit of `PackBEAM -l`: one line per entry with its flags
  (`*` marks the start module), its kind and its size, then a total.
  """
  @spec format_listing(Path.t(), [map()]) :: String.t()
  def format_listing(path, entries) do
    width =
      entries |> Enum.map(&String.length(Integer.to_string(&1.size))) |> Enum.max(fn -> 1 end)

    lines =
      for entry <- entries do
        start = if entry.start, do: "*", else: " "
        flags = "0x" <> String.pad_leading(Integer.to_string(entry.flags, 16), 2, "0")
        size = String.pad_leading(Integer.to_string(entry.size), width)

        "#{start} #{flags} #{String.pad_trailing(to_string(entry.kind), 4)} #{size}  #{entry.name}"
      end

    %{size: bytes} = File.stat!(path)
    count = if length(entries) == 1, do: "1 entry", else: "#{length(entries)} entries"
    total = "#{count}, #{bytes} bytes (* = start module)"
    Enum.join([path | lines] ++ [total], "\n")
  end

  defp exists(path) do
    if File.regular?(path), do: :ok, else: {:error, {:not_found, path}}
  end

  defp native({:ok, value}), do: {:ok, value}
  defp native({:error, message}), do: {:error, {:native, message}}
end
