using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>
/// Font subsetting with HarfBuzz's own subsetter (hb_subset_*), exported by the native library of
/// HarfBuzzSharp.NativeAssets.Linux but not wrapped by the managed package. SkiaSharp embeds whole
/// faces; a subset keeps a bilingual one-page form at a few kilobytes instead of megabytes.
/// </summary>
/// <remarks>
/// The font file is mapped into memory once (<see cref="MemoryMappedFile"/>) and opened as a HarfBuzz face
/// over that mapping: the process keeps only the pages a subset reads, shared with the page cache, instead
/// of a copy of the whole face (4.6 MB for the shipped CJK face, held for the process's life). HarfBuzz
/// faces may be read by several threads at once.
/// </remarks>
internal static partial class HarfBuzzSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>Face <paramref name="faceIndex"/> of the font file at <paramref name="path"/> (a .ttf, or a .ttc
    /// collection), to subset from until the returned face is disposed.</summary>
    public static FontFace Open(string path, int faceIndex)
    {
        var face = new FontFace(path, faceIndex);
        if (hb_face_get_glyph_count(face.Handle) == 0)
        {
            face.Dispose();
            throw new InvalidOperationException($"The PDF font has no face {faceIndex} (or no glyphs).");
        }

        return face;
    }

    /// <summary>A standalone font holding only the glyphs for <paramref name="codePoints"/>.</summary>
    public static byte[] Subset(FontFace face, IEnumerable<int> codePoints)
    {
        IntPtr input = 0, subset = 0, subsetBlob = 0;
        try
        {
            input = hb_subset_input_create_or_fail();
            if (input == 0)
            {
                throw new InvalidOperationException("HarfBuzz could not create a subset input.");
            }

            // Hinting is useless in a PDF and is most of a CJK face's bytes.
            hb_subset_input_set_flags(input, FlagNoHinting);
            var set = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                hb_set_add(set, (uint)codePoint);
            }

            subset = hb_subset_or_fail(face.Handle, input);
            if (subset == 0)
            {
                throw new InvalidOperationException("HarfBuzz could not subset the font.");
            }

            subsetBlob = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(subsetBlob, out var length);
            var result = new byte[length];
            Marshal.Copy(data, result, 0, (int)length);
            return result;
        }
        finally
        {
            if (subsetBlob != 0)
            {
                hb_blob_destroy(subsetBlob);
            }

            if (subset != 0)
            {
                hb_face_destroy(subset);
            }

            if (input != 0)
            {
                hb_subset_input_destroy(input);
            }
        }
    }

    /// <summary>A HarfBuzz face (hb_face_t) over a read-only mapping of its font file.</summary>
    internal sealed unsafe class FontFace : IDisposable
    {
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;
        private bool _disposed;

        public FontFace(string path, int faceIndex)
        {
            _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
            try
            {
                _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
                byte* data = null;
                _view.SafeMemoryMappedViewHandle.AcquirePointer(ref data);
                var length = new FileInfo(path).Length;
                var blob = hb_blob_create((IntPtr)(data + _view.PointerOffset), (uint)length, MemoryModeReadOnly, 0, 0);

                // The face holds its own reference to the blob.
                Handle = hb_face_create(blob, (uint)faceIndex);
                hb_blob_destroy(blob);
            }
            catch
            {
                _view?.Dispose();
                _file.Dispose();
                throw;
            }
        }

        public IntPtr Handle { get; private set; }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            hb_face_destroy(Handle);
            Handle = 0;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }

    private const int MemoryModeReadOnly = 1;
    private const uint FlagNoHinting = 0x1;

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_create(IntPtr blob, uint index);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    private static partial uint hb_face_get_glyph_count(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codePoint);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
