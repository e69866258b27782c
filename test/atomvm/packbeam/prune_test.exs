defmodule AtomVM.Packbeam.PruneTest do
  use ExUnit.Case, async: true

  alias AtomVM.Packbeam.Prune

  defp info(imports, atoms \\ []), do: %{imports: imports, atoms: atoms}

  test "follows imports and module-named atoms, transitively, through cycles" do
    infos = %{
      "start" => info(["a", "erlang"], ["start", "by_name"]),
      "a" => info(["b"]),
      "b" => info(["a"]),
      "by_name" => info([]),
      "orphan" => info(["a"]),
      "orphan_dep" => info([])
    }

    assert Prune.reachable(infos, "start") ==
             {["a", "b", "by_name", "start"], ["orphan", "orphan_dep"]}
  end

  test "a start module alone keeps only itself" do
    assert Prune.reachable(%{"s" => info([]), "x" => info([])}, "s") == {["s"], ["x"]}
  end
end
