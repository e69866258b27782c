defmodule AtomVM.Packbeam.Sources do
  @moduledoc """
  Finds what goes into a project's archive: the `.beam` files and `priv/` files of the
  project's application and of its runtime dependencies.

  Runtime dependencies are the applications the compiled `.app` file lists under
  `applications` and `included_applications`, followed transitively. A dependency
  declared with `runtime: false` (a build tool, like `atomvm_mix` itself) is not listed
  there and is not packed. Applications of Erlang/OTP and Elixir (`kernel`, `stdlib`,
  `elixir`, `logger`, …) are left out unless `include_stdlib` is set: AtomVM devices
  carry their own libraries. Consolidated protocols replace the unconsolidated modules
  of the same name. Priv files whose name starts with a dot are skipped.
  """

  @typedoc "One application to pack from: where its `ebin` and `priv` are."
  @type app_dir :: %{app: atom(), ebin: Path.t(), priv: Path.t() | nil}

  # Build tools that must never end up on a device.
  @never_packed [:atomvm_mix]

  @doc """
  The applications to pack, the project's own first, then dependencies breadth-first.
  `build_lib` is `_build/ENV/lib`.
  """
  @spec apps(atom(), Path.t(), boolean()) :: [app_dir()]
  def apps(app, build_lib, include_stdlib) do
    walk([app], build_lib, include_stdlib, MapSet.new(), [])
  end

  defp walk([], _build_lib, _stdlib, _seen, acc), do: Enum.reverse(acc)

  defp walk([app | rest], build_lib, stdlib, seen, acc) do
    cond do
      app in seen or app in @never_packed ->
        walk(rest, build_lib, stdlib, seen, acc)

      File.dir?(Path.join([build_lib, to_string(app), "ebin"])) ->
        dir = Path.join(build_lib, to_string(app))
        entry = %{app: app, ebin: Path.join(dir, "ebin"), priv: Path.join(dir, "priv")}
        visit(entry, rest, build_lib, stdlib, seen, acc)

      stdlib and match?({:ok, _}, system_ebin(app)) ->
        {:ok, ebin} = system_ebin(app)
        visit(%{app: app, ebin: ebin, priv: nil}, rest, build_lib, stdlib, seen, acc)

      true ->
        walk(rest, build_lib, stdlib, MapSet.put(seen, app), acc)
    end
  end

  defp visit(entry, rest, build_lib, stdlib, seen, acc) do
    children = dependencies(entry)
    walk(rest ++ children, build_lib, stdlib, MapSet.put(seen, entry.app), [entry | acc])
  end

  defp system_ebin(app) do
    case :code.lib_dir(app) do
      {:error, _} -> :error
      dir -> {:ok, Path.join(to_string(dir), "ebin")}
    end
  end

  defp dependencies(%{app: app, ebin: ebin}) do
    case :file.consult(Path.join(ebin, "#{app}.app")) do
      {:ok, [{:application, ^app, props}]} ->
        Keyword.get(props, :applications, []) ++ Keyword.get(props, :included_applications, [])

      _ ->
        []
    end
  end

  @doc """
  The `.beam` files of `apps`, sorted by path within each application; a module in
  `consolidated` (the protocol consolidation directory) replaces the one of the same
  file name.
  """
  @spec beams([app_dir()], Path.t() | nil) :: [Path.t()]
  def beams(apps, consolidated) do
    overrides =
      if consolidated && File.dir?(consolidated),
        do: Map.new(Path.wildcard(Path.join(consolidated, "*.beam")), &{Path.basename(&1), &1}),
        else: %{}

    for %{ebin: ebin} <- apps,
        path <- Enum.sort(Path.wildcard(Path.join(ebin, "*.beam"))) do
      Map.get(overrides, Path.basename(path), path)
    end
  end

  @doc "The priv files of `apps` as `{entry_name, path}`, named `APP/priv/RELATIVE_PATH`."
  @spec priv_files([app_dir()]) :: [{String.t(), Path.t()}]
  def priv_files(apps) do
    for %{app: app, priv: priv} <- apps,
        priv != nil,
        path <- Enum.sort(Path.wildcard(Path.join(priv, "**"))),
        File.regular?(path) do
      {"#{app}/priv/#{Path.relative_to(path, priv)}", path}
    end
  end
end
