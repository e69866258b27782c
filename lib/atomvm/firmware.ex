defmodule AtomVM.Firmware do
  @moduledoc """
  AtomVM firmware images: resolved from the board files (`AtomVM.Boards`), downloaded,
  verified and cached (`AtomVM.Firmware.Cache`).

  `fetch/2` downloads `BASE/TAG/ASSET` and its `ASSET.sha256` sidecar (`BASE` is the
  board file's release URL, or a mirror with the same layout: the `:mirror` option,
  else `ATOMVM_FIRMWARE_MIRROR`), checks the image against the sidecar and against the
  board file's pinned sum when it has one, and only then renames it into the cache. A
  mismatch deletes the download and names the file and both sums. A cached image is
  used without any request. `:image` skips all that and uses a local file (checked
  against the pinned sum when there is one).
  """

  alias AtomVM.Boards
  alias AtomVM.Firmware.{Cache, Checksum, HTTP}

  @typedoc "Options of `fetch/2`."
  @type option ::
          {:version, String.t() | nil}
          | {:flavor, String.t() | nil}
          | {:mirror, String.t() | nil}
          | {:image, Path.t() | nil}
          | {:library_image, Path.t() | nil}

  @typedoc "What `fetch/2` returns."
  @type fetched :: %{
          path: Path.t(),
          firmware: AtomVM.Native.firmware(),
          source: :cache | :download | :local,
          sha256: String.t(),
          library: fetched() | nil
        }

  @doc """
  Finds, downloads if needed, and verifies the firmware image of `board`, and the
  library its release published as a file of its own (v0.6.x Pico: `atomvmlib-TAG.uf2`;
  under `:library`, `nil` otherwise). `:image` uses a local file for the image;
  `:library_image` likewise for the library.
  """
  @spec fetch(String.t(), [option()]) :: {:ok, fetched()} | {:error, term()}
  def fetch(board, opts \\ []) do
    with {:ok, fw} <- Boards.firmware(board, opts[:version], opts[:flavor]),
         {:ok, fetched} <- obtain(fw, opts),
         {:ok, library} <- library(fw, opts) do
      {:ok, Map.put(fetched, :library, library)}
    end
  end

  defp library(%{library_asset: asset} = fw, opts) when is_binary(asset) do
    lib = %{fw | asset: asset, url: fw.library_url, sha256: fw.library_sha256}

    with {:ok, fetched} <- obtain(lib, Keyword.put(opts, :image, opts[:library_image])) do
      {:ok, Map.put(fetched, :library, nil)}
    end
  end

  defp library(_fw, _opts), do: {:ok, nil}

  # The asset `fw` names: the local `:image`, the cached copy, or a download.
  defp obtain(fw, opts) do
    case opts[:image] do
      nil -> cached_or_download(fw, base_url(fw, opts[:mirror]))
      image -> local(fw, image)
    end
  end

  @doc """
  Finds, downloads if needed, and verifies AtomVM's library archive of `release`
  (`atomvmlib-TAG.avm`, the library of AtomVM's Unix build), as `fetch/2` does firmware:
  from the release server of the board files or the mirror, checked against the
  release's `.sha256` sidecar, cached. `:image` uses a local file instead.
  """
  @spec fetch_library(String.t(), [option()]) :: {:ok, fetched()} | {:error, term()}
  def fetch_library(release, opts \\ []) do
    with {:ok, server} <- release_server() do
      asset = "atomvmlib-#{release}.avm"

      fw = %{
        version: release,
        asset: asset,
        url: "#{server}/#{release}/#{asset}",
        sha256: nil
      }

      obtain(fw, opts)
    end
  end

  # Where AtomVM publishes releases: the base URL of the board files' firmware.
  defp release_server do
    with {:ok, boards} <- Boards.list(),
         %{name: name} <- Enum.find(boards, &(&1.versions != [])) || {:error, :no_release_server},
         {:ok, fw} <- Boards.firmware(name, nil, nil) do
      {:ok, String.replace_suffix(fw.url, "/#{fw.version}/#{fw.asset}", "")}
    end
  end

  defp base_url(fw, mirror) do
    case mirror || System.get_env("ATOMVM_FIRMWARE_MIRROR") do
      m when m in [nil, ""] -> String.replace_suffix(fw.url, "/#{fw.version}/#{fw.asset}", "")
      m -> String.trim_trailing(m, "/")
    end
  end

  defp local(fw, image) do
    with true <- File.regular?(image) || {:error, {:not_found, image}},
         sum = Checksum.file(image),
         :ok <- check_pinned(fw, image, sum) do
      {:ok, %{path: image, firmware: fw, source: :local, sha256: sum}}
    end
  end

  defp cached_or_download(fw, base) do
    path = Cache.path(fw.version, fw.asset)

    if File.regular?(path) do
      {:ok, %{path: path, firmware: fw, source: :cache, sha256: Checksum.file(path)}}
    else
      download(fw, base, path)
    end
  end

  defp download(fw, base, path) do
    url = "#{base}/#{fw.version}/#{fw.asset}"
    part = path <> ".part"
    File.mkdir_p!(Path.dirname(path))

    with {:ok, sidecar} <- HTTP.get(url <> ".sha256"),
         {:ok, expected} <- Checksum.parse_sidecar(sidecar, fw.asset),
         {:ok, _size} <- HTTP.download(url, part, fw.asset),
         sum = Checksum.file(part),
         :ok <- compare(url, expected, sum, "the published .sha256"),
         :ok <- check_pinned(fw, part, sum) do
      File.rename!(part, path)
      {:ok, %{path: path, firmware: fw, source: :download, sha256: sum}}
    else
      {:error, {:checksum, _, _, _, _}} = error ->
        File.rm(part)
        error

      # An interrupted download keeps its .part file: the next run resumes it.
      {:error, _} = error ->
        error
    end
  end

  defp check_pinned(%{sha256: nil}, _file, _sum), do: :ok

  defp check_pinned(%{sha256: pinned} = fw, file, sum) do
    with {:error, reason} <- compare(fw.asset, pinned, sum, "the board file's pinned sum") do
      if String.ends_with?(file, ".part"), do: File.rm(file)
      {:error, reason}
    end
  end

  defp compare(_what, expected, expected, _source), do: :ok

  defp compare(what, expected, actual, source),
    do: {:error, {:checksum, what, source, expected, actual}}
end
