import { luminance, themeFromOffice } from "../../src/taskpane/theme";

describe("Le volet suit le thème d'Office", () => {
  test("isDarkTheme, quand Office le donne, décide", () => {
    expect(themeFromOffice({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("sombre");
    expect(themeFromOffice({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("clair");
  });

  test("sinon, la couleur de fond : noir et gris foncé d'Office → sombre, blanc et gris clair → clair", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" })).toBe("sombre");
    expect(themeFromOffice({ bodyBackgroundColor: "#000" })).toBe("sombre");
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("clair");
    expect(themeFromOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe("clair");
  });

  test("sans thème (navigateur, Excel qui ne le donne pas) ou couleur illisible : clair", () => {
    expect(themeFromOffice(undefined)).toBe("clair");
    expect(themeFromOffice({ bodyBackgroundColor: "rouge" })).toBe("clair");
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("nope")).toBeNull();
  });
});
