defmodule AtomVM.Pico do
  @moduledoc """
  Raspberry Pi Pico boards: UF2 images of archives, the bootloader's USB drive
  (`RPI-RP2` for RP2040, `RP2350` for RP2350), the 1200-baud reset into it, and
  copying.

  The drive is looked for under `/run/media/$USER`, `/media/$USER` (Linux) and
  `/Volumes` (macOS), or is the directory given; a directory counts as the
  bootloader's drive when it holds `INFO_UF2.TXT`.
  """

  alias AtomVM.Native

  @labels ["RPI-RP2", "RP2350"]

  @doc "`avm` (a path) as UF2 bytes at `address` for `family`."
  @spec uf2(Path.t(), non_neg_integer(), String.t()) :: {:ok, binary()} | {:error, term()}
  def uf2(avm, address, family) do
    with {:ok, data} <- read(avm) do
      case Native.uf2_write(data, address, family) do
        {:ok, file} -> {:ok, file}
        {:error, message} -> {:error, {:native, message}}
      end
    end
  end

  defp read(path) do
    case File.read(path) do
      {:ok, data} -> {:ok, data}
      {:error, _} -> {:error, {:not_found, path}}
    end
  end

  @doc "Mounted bootloader drives, in search order."
  @spec drives([Path.t()]) :: [Path.t()]
  def drives(roots \\ default_roots()) do
    for root <- roots, label <- @labels, dir = Path.join(root, label), bootloader?(dir), do: dir
  end

  defp default_roots do
    user = System.get_env("USER") || "root"
    ["/run/media/#{user}", "/media/#{user}", "/Volumes"]
  end

  @doc "Whether `dir` is a Pico bootloader drive (it has `INFO_UF2.TXT`)."
  @spec bootloader?(Path.t()) :: boolean()
  def bootloader?(dir), do: File.regular?(Path.join(dir, "INFO_UF2.TXT"))

  @doc """
  Waits up to `seconds` for a bootloader drive (`explicit`, or one found by
  `drives/0`), showing a countdown; `{:ok, dir}` or `{:error, reason}`.
  """
  @spec wait_for_drive(Path.t() | nil, non_neg_integer(), keyword()) ::
          {:ok, Path.t()} | {:error, term()}
  def wait_for_drive(explicit, seconds, opts \\ []) do
    find = fn ->
      case explicit do
        nil -> List.first(drives(Keyword.get(opts, :roots, default_roots())))
        dir -> if bootloader?(dir), do: dir
      end
    end

    wait(find, seconds * 10, seconds, explicit)
  end

  defp wait(find, ticks, seconds, explicit) do
    case find.() do
      nil when ticks <= 0 ->
        IO.write(:stderr, "\n")
        {:error, {:no_pico_drive, explicit, seconds}}

      nil ->
        if rem(ticks, 10) == 0,
          do: IO.write(:stderr, "\rWaiting for the Pico's drive... #{div(ticks, 10)} s ")

        Process.sleep(100)
        wait(find, ticks - 1, seconds, explicit)

      dir ->
        {:ok, dir}
    end
  end

  @doc """
  The UF2 bytes that install fetched firmware (`AtomVM.Firmware.fetch/2`): the image,
  or — where the release published AtomVM's library as a UF2 of its own (v0.6.x) — one
  UF2 of both, so a single copy installs the VM and its library.
  """
  @spec install_image(AtomVM.Firmware.fetched()) :: {:ok, binary()} | {:error, term()}
  def install_image(%{path: path, library: nil}), do: {:ok, File.read!(path)}

  def install_image(%{path: path, library: %{path: lib}}) do
    case Native.uf2_merge([File.read!(path), File.read!(lib)]) do
      {:ok, uf2} ->
        {:ok, uf2}

      {:error, message} ->
        {:error, {:bad_uf2, "#{Path.basename(path)} + #{Path.basename(lib)}", message}}
    end
  end

  @doc "Copies UF2 bytes to the drive as `name` and flushes them to the device."
  @spec copy(binary(), Path.t(), String.t()) :: :ok | {:error, term()}
  def copy(uf2, drive, name) do
    target = Path.join(drive, name)

    result =
      File.open(target, [:write, :binary], fn file ->
        :ok = IO.binwrite(file, uf2)
        :file.sync(file)
      end)

    case result do
      {:ok, :ok} -> :ok
      {:ok, {:error, reason}} -> {:error, {:copy_failed, target, reason}}
      {:error, reason} -> {:error, {:copy_failed, target, reason}}
    end
  end

  @doc "Resets a running board into its bootloader through its serial port."
  @spec reset(String.t()) :: :ok | {:error, term()}
  def reset(port) do
    case Native.pico_touch(port) do
      {:ok, _} -> :ok
      {:error, message} -> {:error, {:native, message}}
    end
  end
end
