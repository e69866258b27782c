defmodule Mix.Tasks.Atomvm.Firmware.List do
  @shortdoc "Lists boards, their AtomVM releases and the cached firmware images"
  @moduledoc """
  Lists every board file (`boards/*.toml`): name, chip, flashing method, the AtomVM
  releases published for it (newest first; `*` marks the default, the newest stable
  release that runs the beams of the OTP in use, else the newest pre-release that does)
  and their flavors; then the firmware images already downloaded and verified in the
  cache.

      mix atomvm.firmware.list

  Board files come from atomvm_mix's `boards/` (or `ATOMVM_BOARDS_DIR`); the cache is
  `$XDG_CACHE_HOME/atomvm_mix/firmware`. See `mix help atomvm.firmware.fetch`.
  """
  use Mix.Task

  alias AtomVM.{Boards, Messages}
  alias AtomVM.Firmware.Cache

  @impl Mix.Task
  def run(argv) do
    case OptionParser.parse(argv, strict: []) do
      {[], [], []} -> :ok
      _ -> Mix.raise(Messages.message({:usage, "atomvm.firmware.list", ""}))
    end

    case Boards.list() do
      {:ok, boards} -> Mix.shell().info(format(boards, Cache.entries()))
      {:error, reason} -> Mix.raise(Messages.message(reason))
    end
  end

  @doc false
  def format(boards, cached) do
    rows =
      for b <- boards do
        releases =
          case b.versions do
            [] ->
              "(no published firmware)"

            versions ->
              default = Boards.default_version(b)

              Enum.map_join(versions, " ", &if(&1 == default, do: &1 <> "*", else: &1)) <>
                "  [" <> Enum.join(b.flavors, ", ") <> "]"
          end

        [b.name, b.chip, b.method, releases]
      end

    cache =
      case cached do
        [] ->
          "No firmware cached yet (#{Cache.root()})."

        entries ->
          "Cached in #{Cache.root()}:\n" <>
            Enum.map_join(entries, "\n", fn {v, a, size} -> "  #{v}/#{a}  #{size} bytes" end)
      end

    otp = AtomVM.DeviceAPI.running_otp()

    table([["board", "chip", "method", "releases"] | rows]) <>
      "\n\n* the default: the newest release that runs OTP #{otp}'s beams (stable first; --version picks another)" <>
      "\n\n" <> cache
  end

  defp table(rows) do
    widths =
      rows
      |> Enum.zip_with(& &1)
      |> Enum.map(fn column -> Enum.max(Enum.map(column, &String.length/1)) end)

    Enum.map_join(rows, "\n", fn row ->
      row
      |> Enum.zip(widths)
      |> Enum.map_join("  ", fn {cell, w} -> String.pad_trailing(cell, w) end)
      |> String.trim_trailing()
    end)
  end
end
