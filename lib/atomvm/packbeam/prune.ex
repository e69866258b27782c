defmodule AtomVM.Packbeam.Prune do
  @moduledoc """
  Keeps only the modules reachable from the start module.

  A module reaches another when it imports a function from it (its `ImpT` table) or
  names it as an atom (its atom table): the second covers modules passed around by
  name, such as a `GenServer` callback module or `spawn(Mod, :f, [])`, which have no
  import entry. Only modules being packed count; others are left to the device.
  """

  @doc """
  Splits `infos` (module name => `AtomVM.Native.beam_info/1` result) into the names
  reachable from `start` and the names dropped, both sorted.
  """
  @spec reachable(%{String.t() => map()}, String.t()) :: {[String.t()], [String.t()]}
  def reachable(infos, start) do
    kept = visit([start], infos, MapSet.new())
    {dropped, reached} = infos |> Map.keys() |> Enum.split_with(&(&1 not in kept))
    {Enum.sort(reached), Enum.sort(dropped)}
  end

  defp visit([], _infos, seen), do: seen

  defp visit([name | rest], infos, seen) do
    case infos do
      %{^name => info} ->
        if name in seen do
          visit(rest, infos, seen)
        else
          next = Enum.filter(info.imports ++ info.atoms, &Map.has_key?(infos, &1))
          visit(next ++ rest, infos, MapSet.put(seen, name))
        end

      _ ->
        visit(rest, infos, seen)
    end
  end
end
