package org.unccd.cst.distribute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading {@code distribution.csv}: the rows that can be used, and each row that cannot,
 * with its line, column and reason.
 */
class DistributionListTests {

	@TempDir
	Path dir;

	DistributionList read(String csv) throws Exception {
		Files.writeString(this.dir.resolve(DistributionList.FILE), csv);
		return DistributionList.read(this.dir);
	}

	@Test
	void readsRecipientsWithTheirLanguagesAndFormats() throws Exception {
		DistributionList list = read("""
				\uFEFFParty,Email,Languages,Formats,note
				Atlantis,focal.point@atlantis.example.org,en;FR,pdf;xlsx,any
				"Borduria, Republic of",nfp@borduria.example.org, zh ; en ,xlsx,

				Panel,panel@cso.example.org,en,pdf,
				""");
		assertThat(list.rejects()).isEmpty();
		assertThat(list.recipients()).containsExactly(
				new DistributionList.Recipient(2, "Atlantis", "focal.point@atlantis.example.org", List.of("en", "fr"),
						List.of("pdf", "xlsx")),
				new DistributionList.Recipient(3, "Borduria, Republic of", "nfp@borduria.example.org",
						List.of("zh", "en"), List.of("xlsx")),
				new DistributionList.Recipient(5, "Panel", "panel@cso.example.org", List.of("en"), List.of("pdf")));
	}

	@Test
	void rejectsEachUnusableRowWithLineColumnAndReason() throws Exception {
		DistributionList list = read("""
				party,email,languages,formats
				Atlantis,focal.point@atlantis.example.org,en,pdf
				Nowhere,not-an-address,en,pdf
				Ruritania,a@ruritania.example.org,en;xx,pdf
				Freedonia,b@freedonia.example.org,es,docx
				,c@nobody.example.org,en,pdf
				Atlantis again,FOCAL.POINT@atlantis.example.org,fr,pdf
				Short,d@short.example.org,en
				Dots,e..f@dots.example.org,en,pdf
				Empty,g@empty.example.org,;,pdf
				""");
		assertThat(list.recipients()).extracting(DistributionList.Recipient::party).containsExactly("Atlantis");
		assertThat(list.rejects()).containsExactly(
				new DistributionList.Reject("distribution.csv", 3, "email", "not-an-address",
						"\"not-an-address\" is not an email address"),
				new DistributionList.Reject("distribution.csv", 4, "languages", "en;xx",
						"language \"xx\" is not one of ar, en, es, fr, ru, zh (separate languages with ;)"),
				new DistributionList.Reject("distribution.csv", 5, "formats", "docx",
						"format \"docx\" is not one of pdf, xlsx (separate formats with ;)"),
				new DistributionList.Reject("distribution.csv", 6, "party", "", "required value \"party\" is empty"),
				new DistributionList.Reject("distribution.csv", 7, "email", "FOCAL.POINT@atlantis.example.org",
						"the address \"FOCAL.POINT@atlantis.example.org\" is listed twice (first at line 2): "
								+ "one email per address"),
				new DistributionList.Reject("distribution.csv", 8, "", "", "expected 4 fields, found 3"),
				new DistributionList.Reject("distribution.csv", 9, "email", "e..f@dots.example.org",
						"\"e..f@dots.example.org\" is not an email address"),
				new DistributionList.Reject("distribution.csv", 10, "languages", ";", "no language is given"));
	}

	@Test
	void aMissingColumnRejectsEveryRow() throws Exception {
		DistributionList list = read("""
				party,email,languages
				Atlantis,focal.point@atlantis.example.org,en
				""");
		assertThat(list.recipients()).isEmpty();
		assertThat(list.rejects()).singleElement()
			.extracting(DistributionList.Reject::reason)
			.isEqualTo("the header has no column \"formats\" (required: party, email, languages, formats)");
	}

	@Test
	void acceptsOnlyPlausibleAddresses() {
		assertThat(DistributionList.validEmail("nfp+cst@mail.borduria.example.org")).isTrue();
		assertThat(DistributionList.validEmail("o'neil@example.org")).isTrue();
		assertThat(DistributionList.validEmail("a@localhost")).isFalse();
		assertThat(DistributionList.validEmail("a b@example.org")).isFalse();
		assertThat(DistributionList.validEmail(".a@example.org")).isFalse();
		assertThat(DistributionList.validEmail("a@-example.org")).isFalse();
		assertThat(DistributionList.validEmail("Name <a@example.org>")).isFalse();
	}

}
