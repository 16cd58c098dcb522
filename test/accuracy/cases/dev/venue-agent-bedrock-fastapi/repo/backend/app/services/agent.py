from loguru import logger

from app.types.schema import LocationData
from app.services.tools.search import search_duckduckgo
from app.services.tools.scraper import scrape
from app.services.tools.structured_output import get_candidate_locations, get_preliminary_location

def venue_agent(query: str, n_results: int, n_iterations: int = 3) -> list[LocationData]:
    logger.info(f"Searching for pages relevant to '{query}'")
    sg_query = query + " Singapore"
    main_urls = search_duckduckgo(sg_query)
    locations: list[str] = []
    for result in main_urls:
        content = scrape(result)
        candidate_locations = get_candidate_locations(content, sg_query)
        locations.extend([l for l in candidate_locations if l])
        if len(locations) >= n_results:
            break

    results: list[LocationData] = []
    for location in locations[:n_results]:
        for iter_count in range(n_iterations):
            urls = search_duckduckgo(location + " Singapore")
            if not urls:
                continue
            content = scrape(urls[0])
            data = get_preliminary_location(content, location)
            if data:
                results.append(data)
                break
    return results
