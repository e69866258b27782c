defmodule AtomVM.Native do
  @moduledoc """
  The Rust NIF (`native/atomvm_nif`): reads, strips and packs `.beam` and `.avm` files.

  Every function returns `{:ok, value}` or `{:error, message}`, where `message` names
  the file and what is wrong with it. The functions run on a dirty I/O scheduler.
  The library is built by `Mix.Tasks.Compile.AtomvmNative` into `priv/native/`.
  """

  @on_load :load_nif

  @typedoc "What `beam_info/1` returns."
  @type beam_info :: %{
          module: String.t(),
          exports: [{String.t(), non_neg_integer()}],
          imports: [String.t()],
          atoms: [String.t()]
        }

  @typedoc "An entry as listed: `kind` is `:beam`, `:file` or `:unknown`."
  @type entry_summary :: %{
          name: String.t(),
          flags: non_neg_integer(),
          kind: :beam | :file | :unknown,
          start: boolean(),
          size: non_neg_integer()
        }

  @typedoc "An input of `pack/3`."
  @type pack_input ::
          {:beam, %{path: String.t(), start: boolean()}}
          | {:file, %{name: String.t(), path: String.t()}}

  @doc false
  def load_nif do
    path = :filename.join(:code.priv_dir(:atomvm_mix), ~c"native/libatomvm_nif")

    case :erlang.load_nif(path, 0) do
      :ok -> :ok
      # Keep the module loaded so that calls explain what is missing.
      {:error, _} -> :ok
    end
  end

  @doc "Reads a `.beam` file's module name, exports, imported modules and atom table."
  @spec beam_info(Path.t()) :: {:ok, beam_info()} | {:error, String.t()}
  def beam_info(_path), do: not_loaded()

  @typedoc "One module of an archive, as `archive_uses/1` reads it."
  @type module_uses :: %{
          module: String.t(),
          exports: [{String.t(), non_neg_integer()}],
          max_opcode: non_neg_integer(),
          calls: [
            {String.t(), String.t(), String.t(), non_neg_integer() | nil, String.t() | nil,
             non_neg_integer()}
          ],
          opcodes: [
            {non_neg_integer(), String.t(), pos_integer(), String.t() | nil, non_neg_integer()}
          ]
        }

  @doc """
  Reads every module of the archive at `path`: its exports, the remote functions it
  uses (`{kind, module, function, arity, file, line}`, kind `"call"`, `"fun"` or
  `"apply"`, arity `nil` for an `apply` of unknown arity) and its instructions
  (`{opcode, name, count, file, line}` of the first use).
  """
  @spec archive_uses(Path.t()) :: {:ok, [module_uses()]} | {:error, String.t()}
  def archive_uses(_path), do: not_loaded()

  @doc """
  Strips the `.beam` inputs (keeping `Line` unless `strip_lines: true`), packs them
  with the plain-file inputs and writes `output` atomically (a temporary file renamed
  into place). Returns the entries written, start module first, and the archive's size.
  """
  @spec pack(Path.t(), [pack_input()], %{strip_lines: boolean()}) ::
          {:ok, {[entry_summary()], non_neg_integer()}} | {:error, String.t()}
  def pack(_output, _inputs, _options), do: not_loaded()

  @typedoc "A board, as `boards/1` lists it."
  @type board :: %{
          name: String.t(),
          description: String.t(),
          chip: String.t(),
          method: String.t(),
          image_offset: non_neg_integer() | nil,
          flash_size: non_neg_integer() | nil,
          uf2_family: String.t() | nil,
          versions: [String.t()],
          flavors: [String.t()]
        }

  @typedoc "The firmware `board_firmware/4` resolves."
  @type firmware :: %{
          board: String.t(),
          chip: String.t(),
          method: String.t(),
          version: String.t(),
          flavor: String.t(),
          asset: String.t(),
          url: String.t(),
          sha256: String.t() | nil,
          image_offset: non_neg_integer() | nil,
          app_offset: non_neg_integer() | nil,
          app_size: non_neg_integer() | nil,
          library_asset: String.t() | nil,
          library_url: String.t() | nil,
          library_sha256: String.t() | nil
        }

  @doc "Reads and validates every board file (`*.toml`) of `dir`, sorted by name."
  @spec boards(Path.t()) :: {:ok, [board()]} | {:error, String.t()}
  def boards(_dir), do: not_loaded()

  @doc """
  Resolves board `name` of `dir`, release `version` (`nil`: the newest listed) and
  `flavor` (`"elixir"` or `"erlang"`) to the exact asset, its URL and pinned sum, and
  the flash layout that goes with that firmware.
  """
  @spec board_firmware(Path.t(), String.t(), String.t() | nil, String.t()) ::
          {:ok, firmware()} | {:error, String.t()}
  def board_firmware(_dir, _name, _version, _flavor), do: not_loaded()

  @doc """
  Where the application archive goes on board `name` of `dir` for release `version`
  and `flavor`: `{offset, size}`, or `nil` when no rule of the board file matches.
  """
  @spec board_app(Path.t(), String.t(), String.t(), String.t()) ::
          {:ok, {non_neg_integer(), non_neg_integer()} | nil} | {:error, String.t()}
  def board_app(_dir, _name, _version, _flavor), do: not_loaded()

  @doc "The USB serial ports of this machine: `%{name, vid, pid, description}`."
  @spec serial_ports() :: [map()]
  def serial_ports, do: not_loaded()

  @doc """
  Starts an ESP32 operation (`AtomVM.ESP32` builds `op`) on its own thread and returns
  its id. The calling process receives `{:atomvm_esp32, id, {:progress, event}}` and
  finally `{:atomvm_esp32, id, {:done, {:ok, outcome} | {:error, message}}}`.
  """
  @spec esp32_start(map(), pid()) :: non_neg_integer()
  def esp32_start(_op, _pid), do: not_loaded()

  @doc """
  Starts a serial monitor of `port` at `baud` on its own thread; with `keyboard`, a
  terminal standard input goes into raw mode so Ctrl-C (or Ctrl-]) stops it. The
  caller receives `{:atomvm_monitor, id, {:data, binary}}`, `{:atomvm_monitor, id,
  {:event, {:connected | :disconnected | :waiting, port}}}` and finally
  `{:atomvm_monitor, id, :done}`.
  """
  @spec monitor_start(String.t(), pos_integer(), boolean(), pid()) :: non_neg_integer()
  def monitor_start(_port, _baud, _keyboard, _pid), do: not_loaded()

  @doc "Stops monitor `id`; it then sends `:done`."
  @spec monitor_stop(non_neg_integer()) :: boolean()
  def monitor_stop(_id), do: not_loaded()

  @doc """
  `data` as a UF2 file placed at `address`, for `family` (`"rp2040"`, `"data"`,
  `"rp2350_arm_s"`, `"rp2350_riscv"`, `"rp2350_arm_ns"`, `"absolute"`, or
  `"universal"`: an rp2040 part followed by a data part).
  """
  @spec uf2_write(binary(), non_neg_integer(), String.t()) ::
          {:ok, binary()} | {:error, String.t()}
  def uf2_write(_data, _address, _family), do: not_loaded()

  @doc "The regions a UF2 file writes: `%{address, family, data}` (validated)."
  @spec uf2_read(binary()) :: {:ok, [map()]} | {:error, String.t()}
  def uf2_read(_file), do: not_loaded()

  @doc """
  One UF2 file of all the blocks of `files`, in order, numbered as one file (so a
  bootloader takes them in one copy); files that write the same flash are refused.
  """
  @spec uf2_merge([binary()]) :: {:ok, binary()} | {:error, String.t()}
  def uf2_merge(_files), do: not_loaded()

  @doc "Resets a running Pico into its USB bootloader (opens `port` at 1200 baud)."
  @spec pico_touch(String.t()) :: {:ok, {}} | {:error, String.t()}
  def pico_touch(_port), do: not_loaded()

  @doc """
  Writes `output` with the entries of the archives `inputs` in order (the first
  archive's start module stays the start; later duplicates are skipped); returns how
  many entries were skipped.
  """
  @spec concat_archives(Path.t(), [Path.t()]) :: {:ok, non_neg_integer()} | {:error, String.t()}
  def concat_archives(_output, _inputs), do: not_loaded()

  @doc """
  Catches Ctrl-C (SIGINT, which would open the BEAM's break menu) until
  `keyboard_stop/1`: the caller receives `{:atomvm_keyboard, id, :interrupt}` for each.
  Returns the watch's id.
  """
  @spec keyboard_start(pid()) :: non_neg_integer()
  def keyboard_start(_pid), do: not_loaded()

  @doc "Ends a keyboard watch and restores the terminal."
  @spec keyboard_stop(non_neg_integer()) :: boolean()
  def keyboard_stop(_id), do: not_loaded()

  @doc "Reads an `.avm` archive: every entry with its contents under `:data`."
  @spec read_archive(Path.t()) ::
          {:ok, [%{required(:data) => binary(), optional(atom()) => term()}]}
          | {:error, String.t()}
  def read_archive(_path), do: not_loaded()

  @doc """
  Writes the entries of an archive (all when `names` is `[]`) under `dir`, each file
  atomically; checks every name (no absolute paths, no `..`) before writing any.
  Returns the paths written.
  """
  @spec extract(Path.t(), Path.t(), [String.t()]) :: {:ok, [String.t()]} | {:error, String.t()}
  def extract(_archive, _dir, _names), do: not_loaded()

  defp not_loaded do
    :erlang.nif_error(
      "the atomvm_mix NIF is not loaded: priv/native/libatomvm_nif.so is missing or " <>
        "does not load; run `mix compile` (it builds the NIF with cargo)"
    )
  end
end
