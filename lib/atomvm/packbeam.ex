defmodule AtomVM.Packbeam do
  @moduledoc """
  Packs a compiled Mix project into an AtomVM `.avm` archive.

  `run/2` finds the project's modules and priv files (`AtomVM.Packbeam.Sources`),
  checks the start module, optionally prunes (`AtomVM.Packbeam.Prune`), and has the
  NIF strip and pack them, writing the archive atomically. The project must already be
  compiled; `mix atomvm.packbeam` compiles it first.
  """

  alias AtomVM.Native
  alias AtomVM.Packbeam.{Config, Prune, Sources}

  @typedoc "What `run/2` reports."
  @type summary :: %{
          output: Path.t(),
          start: module(),
          entries: [Native.entry_summary()],
          size: non_neg_integer(),
          pruned: [String.t()]
        }

  @doc """
  Packs the project described by `config`; `build_lib` is `_build/ENV/lib` and
  `consolidated` the protocol consolidation directory (or `nil`).
  """
  @spec run(Config.t(), Path.t(), Path.t() | nil) :: {:ok, summary()} | {:error, term()}
  def run(%Config{} = config, build_lib, consolidated) do
    apps = Sources.apps(config.app, build_lib, config.include_stdlib)

    with {:ok, start} <- start_module(config),
         {:ok, infos, paths} <- module_infos(Sources.beams(apps, consolidated)),
         :ok <- check_start(start, infos, config.app),
         {names, pruned} <- select(infos, Atom.to_string(start), config.prune),
         inputs = inputs(names, paths, Atom.to_string(start), Sources.priv_files(apps)),
         {:ok, {entries, size}} <- native(Native.pack(config.output, inputs, options(config))) do
      {:ok, %{output: config.output, start: start, entries: entries, size: size, pruned: pruned}}
    end
  end

  defp start_module(%Config{start: nil, app: app}), do: {:error, {:no_start_module, app}}
  defp start_module(%Config{start: start}), do: {:ok, start}

  # Reads every module's name, exports and references; refuses two files defining the
  # same module. Keeps the files' order.
  defp module_infos(beams) do
    Enum.reduce_while(beams, {:ok, %{}, []}, fn path, {:ok, infos, paths} ->
      case Native.beam_info(path) do
        {:ok, %{module: name} = info} ->
          case Enum.find(paths, fn {other, _} -> other == name end) do
            nil -> {:cont, {:ok, Map.put(infos, name, info), [{name, path} | paths]}}
            {_, first} -> {:halt, {:error, {:duplicate_module, name, first, path}}}
          end

        {:error, message} ->
          {:halt, {:error, {:native, message}}}
      end
    end)
    |> case do
      {:ok, infos, paths} -> {:ok, infos, Enum.reverse(paths)}
      error -> error
    end
  end

  defp check_start(start, infos, app) do
    case Map.fetch(infos, Atom.to_string(start)) do
      {:ok, %{exports: exports}} ->
        if {"start", 0} in exports, do: :ok, else: {:error, {:start_not_exported, start}}

      :error ->
        {:error, {:start_not_found, start, app}}
    end
  end

  defp select(infos, start, true), do: Prune.reachable(infos, start)
  defp select(infos, _start, false), do: {Map.keys(infos), []}

  defp inputs(names, paths, start, priv_files) do
    keep = MapSet.new(names)

    beams =
      for {name, path} <- paths, name in keep do
        {:beam, %{path: path, start: name == start}}
      end

    beams ++ for({name, path} <- priv_files, do: {:file, %{name: name, path: path}})
  end

  defp options(config), do: %{strip_lines: config.strip_lines}

  defp native({:ok, value}), do: {:ok, value}
  defp native({:error, message}), do: {:error, {:native, message}}
end
