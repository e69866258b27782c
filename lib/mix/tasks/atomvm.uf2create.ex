defmodule Mix.Tasks.Atomvm.Uf2create do
  @shortdoc "Packs the project and writes it as a UF2 file for a Pico"
  @moduledoc """
  Packs the project (as `mix atomvm.packbeam`) and writes the archive as a UF2 file,
  the format a Raspberry Pi Pico's bootloader drive takes:

      mix atomvm.uf2create [--family rp2040|rp2350_arm_s|rp2350_riscv|data|universal]
                           [--app-start 0x10180000] [-o FILE] [--avm FILE]

  Blocks are 512 bytes with 256-byte payloads and the family ID flag, numbered from 0
  (what the RP2040 and RP2350 bootroms accept). `universal` writes an `rp2040` UF2
  followed by a `data` one, for a file that works on both chips.

  ## Options

    * `--board NAME` - the board (default `pico`; also `atomvm: [board: ...]`): its
      file (`boards/NAME.toml`) gives the family (`uf2_family`) and where the
      application goes (its `[[app]]` partition).
    * `--family NAME` - instead of the board's: `rp2040` for pico/pico_w,
      `rp2350_arm_s` for pico2/pico2_w.
    * `--app-start ADDR` - instead of the board's application partition (`0x10180000`
      on every Pico); also `atomvm: [app_start: ...]`.
    * `--output FILE`, `-o` - default `APP.uf2`.
        * `--avm FILE` - convert this archive instead of packing the project.
    * `--verbose` - show each setting and where it came from (command line >
      `mix.exs` `atomvm:` > board > defaults).
  """
  use Mix.Task

  alias AtomVM.{CLI, Pico}
  alias AtomVM.Settings

  @switches [
    family: :string,
    app_start: :string,
    output: :string,
    avm: :string,
    board: :string,
    verbose: :boolean
  ]

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.uf2create", argv, @switches, o: :output)

    {uf2, output} = build(opts)
    File.write!(output, uf2)

    Mix.shell().info(
      "Wrote #{output}: #{div(byte_size(uf2), 512)} blocks, #{byte_size(uf2)} bytes"
    )
  end

  @doc false
  # The UF2 bytes and output path for parsed options (shared with atomvm.pico.flash).
  def build(opts) do
    user = CLI.user_config()

    # The board file is the source of the family and the application address.
    spec = [
      board: [default: "pico"],
      family: [board: :uf2_family],
      app_start: [board: :app_start]
    ]

    facts = fn board ->
      with {:ok, board_spec} <- AtomVM.Boards.fetch(board),
           {:ok, {start, _}} <- AtomVM.Boards.app(board, nil, "erlang") do
        {:ok, %{uf2_family: board_spec.uf2_family, app_start: start}}
      end
    end

    settings =
      case Settings.resolve(spec, opts, user, facts) do
        {:ok, settings} -> settings
        {:error, reason} -> Mix.raise(AtomVM.Messages.message(reason))
      end

    board = Settings.value(settings, :board)

    if Settings.value(settings, :family) == nil,
      do: CLI.ok!({:error, {:no_uf2_family, board}})

    if opts[:verbose], do: Mix.shell().info("Settings:\n" <> Settings.sources(settings))
    family = Settings.value(settings, :family)
    start = Settings.value(settings, :app_start)

    avm = CLI.archive!(opts[:avm])
    if opts[:gate], do: CLI.gate!(avm, board, opts)

    output = opts[:output] || Path.rootname(avm) <> ".uf2"

    {CLI.ok!(Pico.uf2(avm, start, family)), output}
  end
end
