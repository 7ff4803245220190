namespace CustomerProcess.Bench.Users.Tests;

public sealed class HtmlTests
{
    private const string Page = """
        <form method="post" action="/Culture"><input name="culture" type="hidden" value="en" /></form>
        <form method="post" action="/Reviews/0192f3a4-0000-7000-8000-000000000001/Sections/Sales/Sign" class="form">
          <input name="__RequestVerificationToken" type="hidden" value="CfDJ8&#x2B;abc" />
          <input type="hidden" value="7" name="ContentVersion" />
          <label><input type="checkbox" name="Checked" value="Price &amp; terms" /> Price</label>
          <label><input type="checkbox" name="Checked" value="Delivery" /></label>
          <input name="Password" type="password" />
        </form>
        <a href="/Ledger/Details/0192f3a4-0000-7000-8000-0000000000aa">HT-1</a>
        <a href="/Ledger/Details/0192f3a4-0000-7000-8000-0000000000aa">again</a>
        <a href="/Customers/0192f3a4-0000-7000-8000-0000000000bb">a customer</a>
        """;

    [Fact]
    public void Finds_a_form_by_its_action_and_posts_back_its_hidden_inputs_decoded_whatever_their_attribute_order()
    {
        var form = Html.Form(Page, "action=\"/Reviews/0192f3a4-0000-7000-8000-000000000001/Sections/Sales/Sign\"");

        Assert.NotNull(form);
        Assert.Equal(
            [new("__RequestVerificationToken", "CfDJ8+abc"), new("ContentVersion", "7")],
            Html.Hidden(form));
        Assert.Equal(["Price & terms", "Delivery"], Html.Inputs(form).Where(i => i.Name == "Checked").Select(i => i.Value));
    }

    [Fact]
    public void Finds_no_form_when_no_opening_tag_has_the_marker() =>
        Assert.Null(Html.Form(Page, "id=\"delivery-form\""));

    [Fact]
    public void Reads_each_linked_id_once_and_only_under_the_prefix() =>
        Assert.Equal([Guid.Parse("0192f3a4-0000-7000-8000-0000000000aa")], Html.LinkedIds(Page, "/Ledger/Details/"));
}
