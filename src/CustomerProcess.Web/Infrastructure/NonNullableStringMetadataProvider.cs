using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// A blank field bound to a non-nullable <c>string</c> stays <c>""</c> instead of becoming <c>null</c>, so the
/// validator's "Enter the …" message is shown instead of a NullReferenceException in the controller (the forms are
/// <c>novalidate</c>; the browser does not stop a blank required field). Nullable <c>string?</c> keeps the framework's
/// conversion of a blank field to <c>null</c>.
/// </summary>
public sealed class NonNullableStringMetadataProvider : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType != typeof(string))
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        var state = context.Key switch
        {
            { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { } property } => nullability.Create(property).WriteState,
            { MetadataKind: ModelMetadataKind.Parameter, ParameterInfo: { } parameter } => nullability.Create(parameter).WriteState,
            _ => NullabilityState.Unknown,
        };
        if (state == NullabilityState.NotNull)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
