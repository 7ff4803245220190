using System.Runtime.InteropServices;

namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>
/// Font subsetting with HarfBuzz's own subsetter (hb_subset_*), exported by the native library of
/// HarfBuzzSharp.NativeAssets.Linux but not wrapped by the managed package. SkiaSharp embeds whole
/// faces; a subset keeps a bilingual one-page form at a few kilobytes instead of megabytes.
/// </summary>
internal static partial class HarfBuzzSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>A standalone font holding only the glyphs for <paramref name="codePoints"/>, taken from face
    /// <paramref name="faceIndex"/> of <paramref name="font"/> (a .ttf, or a .ttc collection).</summary>
    public static byte[] Subset(byte[] font, int faceIndex, IEnumerable<int> codePoints)
    {
        var handle = GCHandle.Alloc(font, GCHandleType.Pinned);
        IntPtr blob = 0, face = 0, input = 0, subset = 0, subsetBlob = 0;
        try
        {
            blob = hb_blob_create(handle.AddrOfPinnedObject(), (uint)font.Length, MemoryModeReadOnly, 0, 0);
            face = hb_face_create(blob, (uint)faceIndex);
            if (hb_face_get_glyph_count(face) == 0)
            {
                throw new InvalidOperationException($"The PDF font has no face {faceIndex} (or no glyphs).");
            }

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

            subset = hb_subset_or_fail(face, input);
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

            if (face != 0)
            {
                hb_face_destroy(face);
            }

            if (blob != 0)
            {
                hb_blob_destroy(blob);
            }

            handle.Free();
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
